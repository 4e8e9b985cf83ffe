package io.github.quayorgmirror.reconcile;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.status.ReconcileOutcome;
import io.github.quayorgmirror.status.ReconcileOutcome.Note;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Quay's check of the source registry ({@code POST …/mirror/verify}) after a create, or a change of the
 * registry URL, user name or password: reported in the {@code RegistryVerified} condition, never a reason to
 * stop (the source registry may be down for a while), never repeated on a resync with nothing changed.
 */
public class RegistryVerificationSteps {

    /** After a write that changed the registry, or while the last verification could not be done (Quay was down). */
    public boolean due(Exchange exchange) {
        if (Boolean.TRUE.equals(exchange.getProperty(ReconcileProperties.REGISTRY_CHANGED, Boolean.class))) {
            return true;
        }
        Condition last = OrganizationMirrorStatus.of(ResourceSteps.resource(exchange)).condition(Condition.REGISTRY_VERIFIED);
        return last != null && ConditionReason.VerificationNotDone.name().equals(last.reason());
    }

    /** Quay answers 200 {@code {success, message}} whether or not it reached the source registry. */
    public void verified(Exchange exchange) {
        Map<?, ?> answer = exchange.getIn().getBody(Map.class);
        exchange.getIn().setBody(null);
        boolean success = answer != null && Boolean.TRUE.equals(answer.get("success"));
        String quaySays = answer == null || answer.get("message") == null ? "no message" : answer.get("message").toString();
        ReconcileOutcome outcome = ResourceSteps.outcome(exchange);
        if (success) {
            outcome.registryVerified("True", ConditionReason.Verified, "Quay reached the source registry: " + quaySays);
            // the condition says it; an Event only marks the recovery from a failed verification (one write less per create)
            if (failedBefore(exchange)) {
                outcome.note(Note.normal(ConditionReason.RegistryVerified, "Quay reached the source registry: " + quaySays));
            }
        } else {
            String message = "Quay could not reach the source registry with this configuration: " + quaySays
                    + ". The configuration is applied; check spec.externalRegistryUrl and the registry credentials";
            outcome.registryVerified("False", ConditionReason.VerificationFailed, message);
            outcome.note(Note.warning(ConditionReason.RegistryVerificationFailed, message));
        }
    }

    private static boolean failedBefore(Exchange exchange) {
        Condition last = OrganizationMirrorStatus.of(ResourceSteps.resource(exchange)).condition(Condition.REGISTRY_VERIFIED);
        return last != null && "False".equals(last.status());
    }

    /** Quay could not be asked (unavailable, refused): the configuration stays applied, the result unknown. */
    public void notVerified(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ResourceSteps.outcome(exchange).registryVerified("Unknown", ConditionReason.VerificationNotDone, "Quay did not verify the"
                + " source registry (" + (cause == null ? "no answer" : cause.getMessage()) + "); it is asked again on the"
                + " next pass");
    }
}
