package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.quay.QuayOperation;
import io.github.quayorgmirror.quay.QuayRejectedException;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.status.ReconcileOutcome;
import io.github.quayorgmirror.status.ReconcileOutcome.Note;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;

/**
 * Sync-now and sync-cancel on request, without editing the spec (Flux's {@code reconcile.fluxcd.io/requestedAt}
 * pattern): each new value of the annotation is acted on once and recorded in the status
 * ({@code lastHandledSyncRequest}, {@code lastHandledSyncCancelRequest}); an unchanged value does nothing.
 * A sync Quay refuses because one is running is asked again later: the request stays unhandled until then.
 */
public class SyncRequestSteps {

    public static final String REQUESTED_SYNC = "quay.herve4m.github.io/requested-sync";
    public static final String REQUESTED_SYNC_CANCEL = "quay.herve4m.github.io/requested-sync-cancel";

    public boolean syncDue(Exchange exchange) {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        return isNew(annotation(resource, REQUESTED_SYNC), OrganizationMirrorStatus.of(resource).lastHandledSyncRequest());
    }

    public boolean cancelDue(Exchange exchange) {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        OrganizationMirrorStatus status = OrganizationMirrorStatus.of(resource);
        return isNew(annotation(resource, REQUESTED_SYNC_CANCEL), status.lastHandledSyncCancelRequest());
    }

    public void syncTriggered(Exchange exchange) {
        String value = reportDone(exchange, REQUESTED_SYNC, ConditionReason.SyncTriggered,
                "Triggered a synchronization of the mirror in Quay");
        ResourceSteps.outcome(exchange).handledSyncRequest(value);
    }

    public void cancelled(Exchange exchange) {
        String value = reportDone(exchange, REQUESTED_SYNC_CANCEL, ConditionReason.SyncCancelled,
                "Cancelled the synchronization of the mirror in Quay");
        ResourceSteps.outcome(exchange).handledSyncCancelRequest(value);
    }

    /** An Event naming the request, and Quay's view read again for the status; returns the value acted on. */
    private static String reportDone(Exchange exchange, String annotationName, ConditionReason reason, String what) {
        String value = annotation(ResourceSteps.resource(exchange), annotationName);
        ResourceSteps.outcome(exchange).note(Note.normal(reason, what + " (annotation " + annotationName + "=" + value
                + ")"));
        exchange.setProperty(ReconcileProperties.QUAY_READ_AGAIN, true);
        return value;
    }

    /** Quay refuses a cancel only when the mirror is already cancelled: the request is met. */
    /** Quay itself refused the sync-cancel (nothing runs): handled. Anything else met on the way is a failure. */
    public boolean cancelRefused(Exchange exchange) {
        return QuayRejectedException.caughtFrom(exchange, QuayOperation.SYNC_CANCEL);
    }

    public void nothingToCancel(Exchange exchange) {
        String value = annotation(ResourceSteps.resource(exchange), REQUESTED_SYNC_CANCEL);
        Exception refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ReconcileOutcome outcome = ResourceSteps.outcome(exchange);
        outcome.handledSyncCancelRequest(value);
        outcome.note(Note.normal(ConditionReason.SyncCancelled, "Nothing to cancel (annotation " + REQUESTED_SYNC_CANCEL + "="
                + value + "): " + (refusal == null ? "Quay refused it" : refusal.getMessage())));
    }

    private static boolean isNew(String requested, String handled) {
        return requested != null && !requested.isEmpty() && !Objects.equals(requested, handled);
    }

    private static String annotation(GenericKubernetesResource resource, String name) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(name);
    }
}
