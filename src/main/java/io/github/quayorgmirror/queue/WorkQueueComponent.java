package io.github.quayorgmirror.queue;

import io.github.quayorgmirror.settings.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code workqueue:<name>?parallelism=4&backoffInitial=1s&backoffMax=5m} component. It owns one
 * {@link KeyedWorkQueue} per name, shared by the producers and the consumer of that name, and binds it in the
 * registry as {@code workQueue-<name>} for metrics and JMX.
 */
public class WorkQueueComponent extends DefaultComponent {

    private final Map<String, KeyedWorkQueue> queues = new ConcurrentHashMap<>();
    /** Backoff declared by an endpoint URI, kept so that a queue created later (or after a restart) uses it. */
    private final Map<String, ExponentialBackoff> declaredBackoff = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("A work queue needs a name, e.g. workqueue:orgmirror; got " + uri);
        }
        int parallelism = getAndRemoveParameter(parameters, "parallelism", Integer.class, 1);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1 in " + uri);
        }
        String initial = getAndRemoveParameter(parameters, "backoffInitial", String.class);
        String max = getAndRemoveParameter(parameters, "backoffMax", String.class);
        if (initial != null || max != null) {
            declareBackoff(remaining, new ExponentialBackoff(
                    positiveDuration("backoffInitial", initial, ExponentialBackoff.DEFAULT.initial()),
                    positiveDuration("backoffMax", max, ExponentialBackoff.DEFAULT.max())));
        }
        WorkQueueEndpoint endpoint = new WorkQueueEndpoint(uri, this, remaining, parallelism);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The queue of that name, created on first use. */
    public KeyedWorkQueue queue(String name) {
        return queues.computeIfAbsent(name, this::createQueue);
    }

    @Override
    protected void doStop() throws Exception {
        queues.forEach((name, queue) -> {
            queue.shutDown();
            getCamelContext().getRegistry().unbind(WorkQueueConstants.REGISTRY_PREFIX + name);
        });
        queues.clear();
        super.doStop();
    }

    private KeyedWorkQueue createQueue(String name) {
        KeyedWorkQueue queue = new KeyedWorkQueue(declaredBackoff.getOrDefault(name, ExponentialBackoff.DEFAULT));
        getCamelContext().getRegistry().bind(WorkQueueConstants.REGISTRY_PREFIX + name, queue);
        return queue;
    }

    private void declareBackoff(String name, ExponentialBackoff backoff) {
        ExponentialBackoff earlier = declaredBackoff.putIfAbsent(name, backoff);
        if (earlier != null && !earlier.equals(backoff)) {
            throw new IllegalArgumentException("workqueue:" + name + " already has backoff " + earlier
                    + "; another endpoint asks for " + backoff);
        }
        KeyedWorkQueue existing = queues.get(name);
        if (existing != null) {
            existing.setBackoff(backoff);
        }
    }

    /** TimeUtils reads some bad text as zero and fails on other bad text; both are reported the same way. */
    private static Duration positiveDuration(String option, String text, Duration fallback) {
        return text == null ? fallback : Durations.positive(option, text);
    }
}
