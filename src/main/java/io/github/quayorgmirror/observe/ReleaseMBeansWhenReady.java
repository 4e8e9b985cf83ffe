package io.github.quayorgmirror.observe;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.engine.DefaultManagementStrategy;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases the MBeans of a {@link DeferredManagementAgent} once every readiness check is up, or after
 * {@code maxHold} anyway: MBeans never stay hidden for long behind something unready. One daemon thread, from the
 * context's start to the release or the context's stop.
 */
public final class ReleaseMBeansWhenReady extends LifecycleStrategySupport {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseMBeansWhenReady.class);
    private static final Duration POLL = Duration.ofMillis(150);

    private final DeferredManagementAgent agent;
    private final Duration maxHold;

    ReleaseMBeansWhenReady(DeferredManagementAgent agent, Duration maxHold) {
        this.agent = agent;
        this.maxHold = maxHold;
    }

    /**
     * With JMX on, puts a {@link DeferredManagementAgent} in place of Camel's, with its settings (camel-main has
     * applied {@code camel.main.jmx*} to it already). Call before the context starts.
     */
    public static void install(CamelContext context, Duration maxHold) {
        if (context.getManagementStrategy() instanceof DefaultManagementStrategy strategy
                && strategy.getManagementAgent() != null) {
            DeferredManagementAgent agent = new DeferredManagementAgent(context, strategy.getManagementAgent());
            strategy.setManagementAgent(agent);
            context.addLifecycleStrategy(new ReleaseMBeansWhenReady(agent, maxHold));
        }
    }

    @Override
    public void onContextStarted(CamelContext context) {
        Thread thread = new Thread(() -> awaitReadyThenRelease(context), "orgmirror-mbeans-when-ready");
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitReadyThenRelease(CamelContext context) {
        long deadline = System.nanoTime() + maxHold.toNanos();
        try {
            while (!context.isStopping() && !context.isStopped()) {
                if (ready(context)) {
                    agent.release();
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    LOG.info("Not ready after {}: registering Camel's MBeans anyway", maxHold);
                    agent.release();
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean ready(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .allMatch(result -> result.getState() == HealthCheck.State.UP);
    }
}
