package io.github.quayorgmirror.quay;

import java.time.Duration;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the Quay sessions out when Camel starts stopping: at that moment the routes still run, so the sign-out
 * goes through {@code quay-signout} like every other call. It gets {@link #BUDGET} in all: a Quay that does not
 * answer must not hold the shutdown past the pod's grace period; what is left is abandoned (the sessions expire).
 */
public class QuaySignOutOnShutdown extends EventNotifierSupport {

    static final Duration BUDGET = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(QuaySignOutOnShutdown.class);

    private final QuaySessionStore sessions;

    public QuaySignOutOnShutdown(QuaySessionStore sessions) {
        this.sessions = sessions;
        setIgnoreExchangeEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) throws InterruptedException {
        Thread signingOut = new Thread(sessions::signOutAll, "quay-sign-out");
        signingOut.setDaemon(true);
        signingOut.start();
        signingOut.join(BUDGET.toMillis());
        if (signingOut.isAlive()) {
            LOG.warn("Signing out of Quay takes longer than {}: shutting down without waiting (the sessions expire)",
                    BUDGET);
        }
    }
}
