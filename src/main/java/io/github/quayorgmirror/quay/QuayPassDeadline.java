package io.github.quayorgmirror.quay;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;

/**
 * Bean {@code quayPassDeadline}: a reconcile pass gets {@code orgmirror.reconcile.pass-deadline} for all its Quay
 * calls, attempts and redeliveries included. {@code quay-call} checks it before each attempt, so a pass ends at the
 * latest one request timeout after its deadline and a slow Quay cannot hold a worker for attempts × timeout.
 */
public class QuayPassDeadline {

    /** Exchange property: the deadline on the monotonic clock (nanoseconds); absent outside a reconcile pass. */
    public static final String DEADLINE = "quayPassDeadline";

    private final Duration deadline;
    private final LongSupplier nanoClock;

    public QuayPassDeadline(Duration deadline, LongSupplier nanoClock) {
        this.deadline = deadline;
        this.nanoClock = nanoClock;
    }

    public void start(Exchange exchange) {
        exchange.setProperty(DEADLINE, nanoClock.getAsLong() + deadline.toNanos());
    }

    public void check(Exchange exchange) throws QuayPassDeadlineException {
        Long end = exchange.getProperty(DEADLINE, Long.class);
        if (end != null && nanoClock.getAsLong() - end >= 0) {
            QuayRequest request = QuayCall.request(exchange);
            QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
            throw new QuayPassDeadlineException(request.operation().tag(), "Quay at " + connection.baseUri()
                    + " answers too slowly: the pass used up its " + deadline.toSeconds() + "s (orgmirror.reconcile"
                    + ".pass-deadline) before " + request.operation() + "; the controller tries again later");
        }
    }
}
