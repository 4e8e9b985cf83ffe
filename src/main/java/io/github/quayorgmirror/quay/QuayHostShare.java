package io.github.quayorgmirror.quay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Bean {@code quayHostShare}: {@code orgmirror.queue.passes-per-quay-host} passes at once are guaranteed to one Quay
 * host, so a slow or dead Quay never takes every worker and mirrors of other Quays go on. Work-conserving: a pass over
 * its host's share still goes ahead when its host answered its latest call and no work of another host (or of one not
 * known yet) waits at the head of the work queue ({@link WaitingWork}); otherwise it steps aside before its first
 * Quay call ({@link QuayHostBusyException}) and is queued again shortly (docs/operations.md, "Quay hosts").
 */
public class QuayHostShare extends RegistryAwareBean {

    /** Whether ready work waits that belongs to another Quay host than {@code host}, or to one not known yet. */
    @FunctionalInterface
    public interface WaitingWork {
        boolean waitingBesides(String host);
    }

    private static final String HELD = "quayHostShareHeld";

    private final Map<String, Semaphore> byHost = new ConcurrentHashMap<>();
    private final int passesPerHost;

    public QuayHostShare(int passesPerHost) {
        if (passesPerHost < 1) {
            throw new IllegalArgumentException("orgmirror.queue.passes-per-quay-host must be at least 1");
        }
        this.passesPerHost = passesPerHost;
    }

    /** The host a connection's passes count against: host and port of its base URI. */
    public static String hostOf(QuayConnection connection) {
        return QuayCircuitBreakers.host(connection);
    }

    /** Takes a place for this pass's host until the pass ends, or goes beyond the share, or steps aside. */
    public void enter(Exchange exchange) throws QuayHostBusyException {
        if (exchange.getProperty(HELD) != null) {
            return;
        }
        QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
        String host = hostOf(connection);
        Semaphore places = byHost.computeIfAbsent(host, key -> new Semaphore(passesPerHost));
        if (!places.tryAcquire()) {
            if (!mayExceedShare(host)) {
                throw new QuayHostBusyException("Quay at " + connection.baseUri() + " already has " + passesPerHost
                        + " passes running");
            }
            // beyond the share: no place to give back
            exchange.setProperty(HELD, host);
            return;
        }
        exchange.setProperty(HELD, host);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                places.release();
            }
        });
    }

    /**
     * A host that answers lends the workers nobody else waits for. One that has not answered yet, or whose latest call
     * got no answer, keeps to its share: its passes may hang until their deadline, and work of other hosts may come.
     */
    private boolean mayExceedShare(String host) {
        QuayCircuitBreakers answers = registryBean(QuayCircuitBreakers.class);
        WaitingWork waiting = registryBean(WaitingWork.class);
        return answers != null && waiting != null && answers.answering(host) && !waiting.waitingBesides(host);
    }
}
