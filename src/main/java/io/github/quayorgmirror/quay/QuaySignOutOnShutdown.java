package io.github.quayorgmirror.quay;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Signs the Quay sessions out when Camel starts stopping: at that moment the routes still run, so the sign-out
 * goes through {@code quay-signout} like every other call.
 */
public class QuaySignOutOnShutdown extends EventNotifierSupport {

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
    public void notify(CamelEvent event) {
        sessions.signOutAll();
    }
}
