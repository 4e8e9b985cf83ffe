package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.failure.ReconcileFailure;
import io.github.quayorgmirror.leader.LeadershipLostException;
import io.github.quayorgmirror.quay.QuayApiException;
import io.github.quayorgmirror.quay.QuayHostBusyException;
import io.github.quayorgmirror.queue.WorkQueueConstants;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.status.ReconcileOutcome;
import io.github.quayorgmirror.status.ReconcileOutcome.Failure;
import io.github.quayorgmirror.status.ReconcileOutcome.Note;
import io.github.quayorgmirror.status.StatusWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;

/** The end of every pass: a failure becomes a condition, the status is written if it changed, the queue told when to come back. */
public class OutcomeSteps {

    /** A pass that stepped aside for its Quay host's share of workers is queued again after this. */
    static final Duration HOST_BUSY_RETRY = Duration.ofSeconds(1);

    private final StatusWriter statusWriter;
    private final Duration stalledRetry;
    private final Duration syncPendingRetry;

    public OutcomeSteps(StatusWriter statusWriter, Duration stalledRetry, Duration syncPendingRetry) {
        this.statusWriter = statusWriter;
        this.stalledRetry = stalledRetry;
        this.syncPendingRetry = syncPendingRetry;
    }

    /** Turns the exception that ended the pass into a Failure; a Warning Event only when the failure is new. */
    public void recordFailure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (cause instanceof LeadershipLostException || cause instanceof QuayHostBusyException) {
            setAside(exchange, cause instanceof QuayHostBusyException);
            return;
        }
        Failure failure = withConnectionSecret(describe(cause), exchange);
        if (Boolean.TRUE.equals(exchange.getProperty(ReconcileProperties.DELETING, Boolean.class))) {
            failure = new Failure(ConditionReason.DeletionBlocked, "Deletion is blocked (" + failure.reason() + "): " + failure.message()
                    + ". The finalizer stays until the mirror is deleted in Quay: restore the connection Secret or fix"
                    + " the cause, or set spec.preserveInQuayOnDeletion: true to keep the mirror in Quay.", false);
        }
        ReconcileOutcome outcome = exchange.getProperty(ReconcileProperties.OUTCOME, ReconcileOutcome.class);
        if (outcome == null) {
            outcome = new ReconcileOutcome();
            exchange.setProperty(ReconcileProperties.OUTCOME, outcome);
        }
        outcome.failed(failure);
        exchange.setProperty(ReconcileProperties.FAILURE, failureSummary(exchange, failure));
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        Condition ready = resource == null ? null : OrganizationMirrorStatus.of(resource).condition(Condition.READY);
        if (ready == null || !Objects.equals(ready.reason(), failure.reason().name())
                || !Objects.equals(ready.message(), failure.message())) {
            outcome.note(Note.warning(failure.reason(), failure.message()));
        }
    }

    /** Writes the status (only if it changed) and sets the work queue's instructions for this key. */
    public void writeStatus(Exchange exchange) throws LeadershipLostException {
        ReconcileOutcome outcome = exchange.getProperty(ReconcileProperties.OUTCOME, ReconcileOutcome.class);
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        boolean deleting = Boolean.TRUE.equals(exchange.getProperty(ReconcileProperties.DELETING, Boolean.class));
        // A resource on its way out gets a status only to say why its deletion is blocked.
        boolean worthWriting = deleting ? outcome != null && outcome.failure() != null && !outcome.released()
                : outcome != null;
        if (resource != null && worthWriting) {
            announceNewCaveats(resource, outcome);
            statusWriter.write(resource, outcome);
        }
        decideRequeue(exchange, outcome);
    }

    /** A caveat of a pass that worked is an Event once: while the Ready message shows it, not again. */
    private static void announceNewCaveats(GenericKubernetesResource resource, ReconcileOutcome outcome) {
        if (outcome.failure() != null) {
            return;
        }
        Condition ready = OrganizationMirrorStatus.of(resource).condition(Condition.READY);
        String shown = ready == null || ready.message() == null ? "" : ready.message();
        outcome.caveats().stream().filter(caveat -> !shown.contains(caveat.message())).forEach(outcome::note);
    }

    /**
     * Not a failure of the resource, and nothing of the pass is written (status, Events, extensions): the leadership
     * fence stopped it (the next leader looks again), or its Quay host has its share of workers (queued again soon).
     */
    private static void setAside(Exchange exchange, boolean hostBusy) {
        if (hostBusy) {
            exchange.setProperty(WorkQueueConstants.REQUEUE_AFTER, HOST_BUSY_RETRY);
        } else {
            exchange.setProperty(WorkQueueConstants.FAILED, true);
        }
        exchange.setProperty(ReconcileProperties.RESULT, "requeued");
        exchange.setRouteStop(true);
    }

    private void decideRequeue(Exchange exchange, ReconcileOutcome outcome) {
        Failure failure = outcome == null ? null : outcome.failure();
        boolean deleting = Boolean.TRUE.equals(exchange.getProperty(ReconcileProperties.DELETING, Boolean.class));
        if (failure == null && outcome != null && outcome.pending() != null) {
            exchange.setProperty(WorkQueueConstants.REQUEUE_AFTER, syncPendingRetry);
            exchange.setProperty(ReconcileProperties.RESULT, "requeued");
        } else if (failure == null) {
            exchange.setProperty(ReconcileProperties.RESULT, "success");
        } else if (failure.permanent() && !deleting) {
            exchange.setProperty(WorkQueueConstants.REQUEUE_AFTER, stalledRetry);
            exchange.setProperty(ReconcileProperties.RESULT, "stalled");
        } else {
            exchange.setProperty(WorkQueueConstants.FAILED, true);
            exchange.setProperty(ReconcileProperties.RESULT, "failed");
        }
    }

    private static Map<String, Object> failureSummary(Exchange exchange, Failure failure) {
        String key = exchange.getProperty(ReconcileProperties.RESOURCE_KEY, "", String.class);
        int slash = key.indexOf('/');
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("resource", key);
        summary.put("namespace", slash < 0 ? "" : key.substring(0, slash));
        summary.put("name", key.substring(slash + 1));
        summary.put("reason", failure.reason().name());
        summary.put("message", failure.message());
        summary.put("permanent", failure.permanent());
        return summary;
    }

    /** A refusal by Quay (credentials, scope, host) names the Secret the connection came from. */
    private static Failure withConnectionSecret(Failure failure, Exchange exchange) {
        String namespace = exchange.getProperty(ReconcileProperties.SECRET_NAMESPACE, String.class);
        String name = exchange.getProperty(ReconcileProperties.SECRET_NAME, String.class);
        if (name == null || !(exchange.getProperty(Exchange.EXCEPTION_CAUGHT) instanceof QuayApiException)) {
            return failure;
        }
        return new Failure(failure.reason(), failure.message() + " (connection Secret " + namespace + "/" + name + ")",
                failure.permanent());
    }

    static Failure describe(Exception cause) {
        if (cause instanceof ReconcileFailure failure) {
            return new Failure(failure.reason(), failure.getMessage(), failure.permanent());
        }
        if (cause instanceof KubernetesClientException kube) {
            return new Failure(ConditionReason.KubernetesApiError, "The Kubernetes API answered " + kube.getCode()
                    + (kube.getStatus() == null ? "" : ": " + kube.getStatus().getMessage()), false);
        }
        return new Failure(ConditionReason.InternalError, "Unexpected " + (cause == null ? "failure" : cause.getClass().getSimpleName()
                + ": " + cause.getMessage()), false);
    }
}
