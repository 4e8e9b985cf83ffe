package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.leader.LeadershipLostException;
import io.github.quayorgmirror.status.Finalizers;
import io.github.quayorgmirror.status.MirrorResource;
import io.github.quayorgmirror.status.OwnWrites;
import io.github.quayorgmirror.status.ReconcileOutcome;
import io.github.quayorgmirror.status.ReconcileOutcome.Note;
import io.github.quayorgmirror.queue.WorkQueueConstants;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/** Reconcile steps on the resource itself: read it from the cache, hold and release the finalizer. */
public class ResourceSteps {

    private final Supplier<InformerCache> cache;
    private final Finalizers finalizers;
    private final OwnWrites ownWrites;

    public ResourceSteps(Supplier<InformerCache> cache, Finalizers finalizers, OwnWrites ownWrites) {
        this.cache = cache;
        this.finalizers = finalizers;
        this.ownWrites = ownWrites;
    }

    /**
     * Level-triggered: whatever the event said, the pass works on the latest object the cache holds,
     * or on what our own last write made of it when the cache has not seen that write yet.
     * Leaves {@code organizationMirror} unset when the resource is gone.
     */
    public void load(Exchange exchange) {
        String key = exchange.getIn().getBody(String.class);
        exchange.setProperty(ReconcileProperties.RESOURCE_KEY, key);
        exchange.setProperty(ReconcileProperties.OUTCOME, new ReconcileOutcome());
        InformerCache mirrors = cache.get();
        if (mirrors == null || !mirrors.isSynced()) {
            // Before the first list completes, "absent" means "not known yet": look again shortly.
            exchange.setProperty(WorkQueueConstants.REQUEUE_AFTER, Duration.ofSeconds(1));
            return;
        }
        int slash = key.indexOf('/');
        GenericKubernetesResource resource = ownWrites.freshest(key,
                mirrors.get(key.substring(0, slash), key.substring(slash + 1)).orElse(null));
        if (resource != null) {
            exchange.setProperty(ReconcileProperties.RESOURCE, resource);
            exchange.setProperty(ReconcileProperties.DELETING, MirrorResource.deleting(resource));
        }
    }

    public void ensureFinalizer(Exchange exchange) throws LeadershipLostException {
        GenericKubernetesResource updated = finalizers.ensure(resource(exchange));
        if (updated != null) {
            exchange.setProperty(ReconcileProperties.RESOURCE, updated);
        }
    }

    /** True when deleting the resource must not touch Quay: asked to preserve, or nothing was created. */
    public boolean keepsQuayOnDeletion(Exchange exchange) {
        GenericKubernetesResource resource = resource(exchange);
        return MirrorResource.spec(resource).preserveInQuay() || !MirrorResource.status(resource).existsInQuay();
    }

    public boolean holdsFinalizer(Exchange exchange) {
        return MirrorResource.hasFinalizer(resource(exchange));
    }

    /** Deletion that leaves Quay alone: preservation asked for, or nothing was ever created there. */
    public void releaseKeepingQuay(Exchange exchange) throws LeadershipLostException {
        GenericKubernetesResource resource = resource(exchange);
        String why = MirrorResource.spec(resource).preserveInQuay()
                ? "spec.preserveInQuayOnDeletion is true: the mirror configuration stays in Quay"
                : "Nothing was created in Quay for this resource: nothing to delete there";
        release(exchange, Note.normal("Released", why));
    }

    public void releaseAfterQuayDeletion(Exchange exchange) throws LeadershipLostException {
        release(exchange, Note.normal("Deleted", "Deleted the mirror configuration of organization "
                + exchange.getProperty("quayOrganization") + " in Quay (its repositories stay in Quay)"));
    }

    private void release(Exchange exchange, Note note) throws LeadershipLostException {
        finalizers.remove(resource(exchange));
        outcome(exchange).release();
        outcome(exchange).note(note);
    }

    static GenericKubernetesResource resource(Exchange exchange) {
        return exchange.getProperty(ReconcileProperties.RESOURCE, GenericKubernetesResource.class);
    }

    static ReconcileOutcome outcome(Exchange exchange) {
        return exchange.getProperty(ReconcileProperties.OUTCOME, ReconcileOutcome.class);
    }
}
