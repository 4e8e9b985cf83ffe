package io.github.quayorgmirror.queue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code parallelism} worker threads, each taking one key at a time and routing one exchange for it. The outcome of
 * the exchange decides what the queue does with the key next (see docs/work-queue.md).
 */
public class WorkQueueConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueueConsumer.class);
    /** How long an idle worker waits before it checks again whether the consumer is stopping. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);

    private ExecutorService workers;

    public WorkQueueConsumer(WorkQueueEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public WorkQueueEndpoint getEndpoint() {
        return (WorkQueueEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        int parallelism = getEndpoint().getParallelism();
        workers = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "WorkQueue-" + getEndpoint().getQueueName(), parallelism);
        for (int i = 0; i < parallelism; i++) {
            workers.execute(this::work);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (workers != null) {
            // Waits for the running reconciles; idle workers notice the stop within IDLE_CHECK.
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        super.doStop();
    }

    private void work() {
        KeyedWorkQueue queue = getEndpoint().queue();
        while (isRunAllowed() && !queue.isShutDown()) {
            String key;
            try {
                key = queue.poll(IDLE_CHECK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (key != null) {
                reconcile(queue, key);
            }
        }
    }

    private void reconcile(KeyedWorkQueue queue, String key) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(key);
            exchange.getMessage().setHeader(WorkQueueConstants.KEY, key);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            settle(queue, key, exchange);
        } finally {
            queue.done(key);
            releaseExchange(exchange, false);
        }
    }

    private static void settle(KeyedWorkQueue queue, String key, Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure != null || exchange.getProperty(WorkQueueConstants.FAILED, false, Boolean.class)) {
            Duration delay = queue.requeueWithBackoff(key);
            String cause = failure == null ? WorkQueueConstants.FAILED : failure.toString();
            LOG.info("Reconcile failed, retrying after backoff key={} failures={} delay={} cause={}",
                    key, queue.failureCount(key), TimeUtils.printDuration(delay, true), cause);
            if (failure != null) {
                LOG.debug("Reconcile failure key={}", key, failure);
            }
            return;
        }
        queue.forget(key);
        Duration requeueAfter = exchange.getProperty(WorkQueueConstants.REQUEUE_AFTER, Duration.class);
        if (requeueAfter != null) {
            queue.addAfter(key, requeueAfter);
        }
    }
}
