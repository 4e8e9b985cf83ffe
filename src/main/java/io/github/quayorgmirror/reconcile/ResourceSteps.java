package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.leader.LeadershipLostException;
import io.github.quayorgmirror.queue.WorkQueueConstants;
import io.github.quayorgmirror.resource.Finalizers;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.resource.OwnWrites;
import io.github.quayorgmirror.resource.RedactedResource;
import io.github.quayorgmirror.status.ReconcileOutcome;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/** Reconcile steps on the resource itself: read it from the cache, hold and release the finalizer. */
public class ResourceSteps {

    /**
     * How soon a pass that found the informer not synced yet looks again. Short, and still no busy loop: only the
     * first list's own events can meet an informer not synced (fabric8 stays synced once it has listed, through every
     * relist), and it says so right after it has handed them out.
     */
    static final Duration NOT_SYNCED_RETRY = Duration.ofMillis(100);

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
            // Before the first list completes, "absent" means "not known yet": look again shortly. The first list's
            // own ADDED events can reach a pass just before the informer marks itself synced, so "shortly" is short.
            exchange.setProperty(WorkQueueConstants.REQUEUE_AFTER, NOT_SYNCED_RETRY);
            return;
        }
        int slash = key.indexOf('/');
        GenericKubernetesResource resource = ownWrites.freshest(key,
                mirrors.get(key.substring(0, slash), key.substring(slash + 1)).orElse(null));
        if (resource != null) {
            exchange.setProperty(ReconcileProperties.RESOURCE, RedactedResource.of(resource));
            exchange.setProperty(ReconcileProperties.DELETING, MirrorResource.deleting(resource));
        }
    }

    public void ensureFinalizer(Exchange exchange) throws LeadershipLostException {
        GenericKubernetesResource updated = finalizers.ensure(resource(exchange));
        if (updated != null) {
            exchange.setProperty(ReconcileProperties.RESOURCE, RedactedResource.of(updated));
        }
    }

    public boolean holdsFinalizer(Exchange exchange) {
        return MirrorResource.hasFinalizer(resource(exchange));
    }

    static GenericKubernetesResource resource(Exchange exchange) {
        return exchange.getProperty(ReconcileProperties.RESOURCE, GenericKubernetesResource.class);
    }

    static ReconcileOutcome outcome(Exchange exchange) {
        return exchange.getProperty(ReconcileProperties.OUTCOME, ReconcileOutcome.class);
    }
}
