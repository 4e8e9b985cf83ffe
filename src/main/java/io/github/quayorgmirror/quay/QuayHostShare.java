package io.github.quayorgmirror.quay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Bean {@code quayHostShare}: at most {@code orgmirror.queue.passes-per-quay-host} passes at once talk to one Quay
 * host, so a slow or dead Quay never takes every worker and mirrors of other Quays go on. A pass over the share
 * steps aside before its first Quay call ({@link QuayHostBusyException}) and is queued again shortly.
 */
public class QuayHostShare {

    private static final String HELD = "quayHostShareHeld";

    private final Map<String, Semaphore> byHost = new ConcurrentHashMap<>();
    private final int passesPerHost;

    public QuayHostShare(int passesPerHost) {
        if (passesPerHost < 1) {
            throw new IllegalArgumentException("orgmirror.queue.passes-per-quay-host must be at least 1");
        }
        this.passesPerHost = passesPerHost;
    }

    /** Takes a place for this pass's host until the pass ends, or steps aside when the host has none left. */
    public void enter(Exchange exchange) throws QuayHostBusyException {
        if (exchange.getProperty(HELD) != null) {
            return;
        }
        QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
        String host = QuayCircuitBreakers.host(connection);
        Semaphore places = byHost.computeIfAbsent(host, key -> new Semaphore(passesPerHost));
        if (!places.tryAcquire()) {
            throw new QuayHostBusyException("Quay at " + connection.baseUri() + " already has " + passesPerHost
                    + " passes running");
        }
        exchange.setProperty(HELD, host);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                places.release();
            }
        });
    }

}
