package io.github.quayorgmirror.queue;

/** Names shared by the {@code workqueue:} component and the routes that use it. */
public final class WorkQueueConstants {

    /** Header: the key ({@code namespace/name}) to enqueue (producer) or being reconciled (consumer). */
    public static final String KEY = "CamelWorkQueueKey";

    /** Exchange property: {@code true} when the reconcile failed without leaving an exception on the exchange. */
    public static final String FAILED = "CamelWorkQueueFailed";

    /** Exchange property: a {@link java.time.Duration} after which the key is reconciled again. */
    public static final String REQUEUE_AFTER = "CamelWorkQueueRequeueAfter";

    /** Registry name prefix: the queue named {@code orgmirror} is the bean {@code workQueue-orgmirror}. */
    public static final String REGISTRY_PREFIX = "workQueue-";

    private WorkQueueConstants() {
    }
}
