package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import io.github.quayorgmirror.model.QuayMirrorState;
import io.github.quayorgmirror.quay.QuayOperation;
import io.github.quayorgmirror.quay.QuayRejectedException;
import io.github.quayorgmirror.quay.mapping.DesiredMirrorConfig;
import io.github.quayorgmirror.quay.mapping.FieldProblem;
import io.github.quayorgmirror.quay.mapping.LastApplied;
import io.github.quayorgmirror.quay.mapping.MirrorConfigDiff;
import io.github.quayorgmirror.quay.mapping.MirrorStateAfterWrite;
import io.github.quayorgmirror.quay.mapping.MirrorUpdate;
import io.github.quayorgmirror.quay.mapping.SpecToQuayConfig;
import io.github.quayorgmirror.quay.mapping.SpecValidationException;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.status.ReconcileOutcome;
import io.github.quayorgmirror.status.ReconcileOutcome.Note;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;

/**
 * Reconcile steps that turn the spec into Quay writes: desired config, create, minimal update. After a write Quay
 * accepted, the status shows the state the write defines ({@link MirrorStateAfterWrite}) instead of a second GET.
 */
public class MirrorConfigSteps {

    /** {@link QuayMirrorState} Quay holds once the write planned in this pass is accepted. */
    static final String STATE_AFTER_WRITE = "quayStateAfterWrite";
    /** The 400 that answered a create sent without reading first, while Quay is read. */
    static final String CREATE_REFUSAL = "quayCreateRefusal";

    static final String INLINE_PASSWORD = "spec.externalRegistryPassword is readable by anyone who can read this"
            + " resource: put the user name and password in a Secret (keys username and password) and name it in"
            + " spec.externalRegistrySecretRef";
    static final String INLINE_PASSWORD_IGNORED = "spec.externalRegistryPassword is not used (the Secret of"
            + " spec.externalRegistrySecretRef takes precedence) but is still readable by anyone who can read this"
            + " resource: remove it";

    private final Clock clock;

    public MirrorConfigSteps(Clock clock) {
        this.clock = clock;
    }

    /** Validates the whole spec before any Quay call: a bad field stops the pass with every problem named. */
    public void desired(Exchange exchange) throws Exception {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        List<FieldProblem> wrongTypes = MirrorResource.specProblems(resource);
        if (!wrongTypes.isEmpty()) {
            throw new SpecValidationException(wrongTypes);
        }
        OrganizationMirrorSpec spec = MirrorResource.spec(resource);
        exchange.setProperty(ReconcileProperties.DESIRED, SpecToQuayConfig.toDesired(spec));
        if (spec.externalRegistryPassword() != null && !spec.externalRegistryPassword().isBlank()) {
            ResourceSteps.outcome(exchange).advise(spec.registrySecretReferenced() ? INLINE_PASSWORD_IGNORED
                    : INLINE_PASSWORD);
        }
    }

    /**
     * Whether the pass creates without reading Quay first: the status never showed this mirror in Quay
     * ({@code existInQuay} absent or false; docs/design.md, "Create without a read"). A mirror that exists after all
     * answers the create with a 400, and {@link #createRefusedUnread} turns that into a read and an adoption.
     */
    public boolean createFirst(Exchange exchange) {
        return !OrganizationMirrorStatus.of(ResourceSteps.resource(exchange)).existsInQuay();
    }

    /**
     * Quay's own 400 to a create sent without reading first: a configuration may exist all the same (Quay checks
     * robot, dates, URL and an organization holding repositories before "already exists"), so Quay is read; without
     * a configuration the refusal stands ({@link #refusalStands}).
     */
    public boolean createRefusedUnread(Exchange exchange) {
        return exchange.getProperty(ReconcileProperties.QUAY_MIRROR_EXISTS) == null
                && QuayRejectedException.caughtFrom(exchange, QuayOperation.CREATE_ORG_MIRROR);
    }

    /** Keeps the create's refusal while Quay is read: the read's own redeliveries may replace the caught exception. */
    public void holdRefusal(Exchange exchange) {
        exchange.setProperty(CREATE_REFUSAL, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    /** The read after a refused create found no configuration: the create's refusal is the pass's failure. */
    public void refusalStands(Exchange exchange) throws Exception {
        throw Objects.requireNonNull(exchange.getProperty(CREATE_REFUSAL, Exception.class));
    }

    /** Quay's GET answer (null when no mirror is configured) is what the status shows of Quay. */
    public void observe(Exchange exchange) {
        ResourceSteps.outcome(exchange).observedInQuay(exchange.getIn().getBody(QuayMirrorState.class));
    }

    public void createBody(Exchange exchange) throws Exception {
        Map<String, Object> body = desiredConfig(exchange).createBody(clock);
        exchange.setProperty(STATE_AFTER_WRITE, MirrorStateAfterWrite.afterCreate(body));
        exchange.getIn().setBody(body);
    }

    public void created(Exchange exchange) {
        ReconcileOutcome outcome = ResourceSteps.outcome(exchange);
        outcome.observedInQuay(stateAfterWrite(exchange));
        outcome.applied(appliedNow(exchange));
        outcome.note(Note.normal(ConditionReason.Created, "Created the mirror configuration of organization "
                + exchange.getProperty("quayOrganization") + " in Quay"));
        exchange.setProperty(ReconcileProperties.REGISTRY_CHANGED, true);
    }

    /**
     * Computes the smallest PUT from the spec and Quay's GET, leaves it in the body and sets
     * {@code quayUpdateNeeded}; records a baseline for a mirror the controller did not create itself.
     */
    public void planUpdate(Exchange exchange) throws Exception {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        ReconcileOutcome outcome = ResourceSteps.outcome(exchange);
        QuayMirrorState current = outcome.quayState();
        if (current == null) {
            throw new ControllerFailure(ConditionReason.QuayChanged, "The mirror configuration Quay reported as existing was gone when"
                    + " read again; the controller tries again", false);
        }
        DesiredMirrorConfig desired = desiredConfig(exchange);
        LastApplied lastApplied = OrganizationMirrorStatus.of(resource).lastApplied();
        if (lastApplied == null) {
            // Adopted (created by hand, by the Ansible operator, or before a crash): Quay's schedule is
            // authoritative, so the start date counts as applied; the password, unknowable, is sent once.
            lastApplied = new LastApplied(null, null, desired.syncStartDate());
        }
        MirrorUpdate update = MirrorConfigDiff.between(desired, current, lastApplied,
                exchange.getProperty(ReconcileProperties.SECRET_VERSION, String.class), MirrorResource.generation(resource));
        if (update.registryTypeChangeRequested()) {
            throw ControllerFailure.registryTypeChange(current.externalRegistryType(), desired.externalRegistryType());
        }
        if (OrganizationMirrorStatus.of(resource).lastApplied() == null && update.body().isEmpty()) {
            // nothing to send: the baseline holds now; otherwise only once Quay accepted the PUT (updated)
            outcome.applied(appliedNow(exchange));
        }
        exchange.getIn().setBody(update.body());
        if (update.writeNeeded()) {
            exchange.setProperty(STATE_AFTER_WRITE, MirrorStateAfterWrite.afterUpdate(current, update.body()));
        }
        exchange.setProperty("changedFields", update.changedFields());
        exchange.setProperty(ReconcileProperties.QUAY_UPDATE_NEEDED, update.writeNeeded());
        exchange.setProperty(ReconcileProperties.REGISTRY_CHANGED, update.changesRegistryAccess());
    }

    @SuppressWarnings("unchecked")
    public void updated(Exchange exchange) {
        ReconcileOutcome outcome = ResourceSteps.outcome(exchange);
        outcome.observedInQuay(stateAfterWrite(exchange));
        outcome.applied(appliedNow(exchange));
        List<String> changed = exchange.getProperty("changedFields", List.class);
        outcome.note(Note.normal(ConditionReason.Updated, "Updated the mirror configuration in Quay: " + String.join(", ", changed)));
    }

    private static QuayMirrorState stateAfterWrite(Exchange exchange) {
        return Objects.requireNonNull(exchange.getProperty(STATE_AFTER_WRITE, QuayMirrorState.class));
    }

    private LastApplied appliedNow(Exchange exchange) {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        return LastApplied.after(desiredConfig(exchange), MirrorResource.generation(resource),
                exchange.getProperty(ReconcileProperties.SECRET_VERSION, String.class));
    }

    private static DesiredMirrorConfig desiredConfig(Exchange exchange) {
        return Objects.requireNonNull(exchange.getProperty(ReconcileProperties.DESIRED, DesiredMirrorConfig.class));
    }
}
