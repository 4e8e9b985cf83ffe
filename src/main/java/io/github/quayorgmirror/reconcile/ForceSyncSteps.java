package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.quay.QuayOperation;
import io.github.quayorgmirror.quay.QuayRejectedException;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.status.ReconcileOutcome.Note;
import java.util.Objects;
import org.apache.camel.Exchange;

/**
 * {@code forceSync: true} is a one-shot trigger per spec generation: fired once, recorded in
 * {@code status.lastForcedSyncGeneration}, never repeated on resync or restart (the Ansible operator
 * fired it on every run).
 */
public class ForceSyncSteps {

    public boolean due(Exchange exchange) {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        return MirrorResource.spec(resource).forceSyncRequested() && !Objects.equals(
                OrganizationMirrorStatus.of(resource).lastForcedSyncGeneration(), MirrorResource.generation(resource));
    }

    public void triggered(Exchange exchange) {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        ResourceSteps.outcome(exchange).forcedSync(MirrorResource.generation(resource));
        ResourceSteps.outcome(exchange).note(Note.normal(ConditionReason.SyncTriggered,
                "Triggered a synchronization of the mirror in Quay (forceSync, generation "
                        + MirrorResource.generation(resource) + ")"));
        exchange.setProperty(ReconcileProperties.QUAY_READ_AGAIN, true);
    }

    /**
     * Quay refuses sync-now while discovery or repositories are still running: not an error, try later
     * (for forceSync and for the requested-sync annotation alike).
     */
    /** Quay itself refused the sync-now (a sync is running): postpone. Anything else met on the way is a failure. */
    public boolean syncRefused(Exchange exchange) {
        return QuayRejectedException.caughtFrom(exchange, QuayOperation.SYNC_NOW);
    }

    public void postponed(Exchange exchange) {
        Exception refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ResourceSteps.outcome(exchange).pending(ConditionReason.SyncPending, "The requested synchronization waits: "
                + (refusal == null ? "Quay refused it" : refusal.getMessage()) + ". The controller asks again later.");
    }
}
