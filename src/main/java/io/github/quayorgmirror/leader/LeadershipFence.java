package io.github.quayorgmirror.leader;

import io.github.quayorgmirror.quay.QuayRequest;
import io.github.quayorgmirror.quay.QuayCall;
import io.github.quayorgmirror.quay.QuayCallSteps;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;

/**
 * Whether this instance may still write (to Quay, to an OrganizationMirror), decided locally and without an API
 * round trip: until the time of the last successful renew of the Lease, plus the lease duration, minus a margin, on
 * the monotonic clock. Another replica can take the Lease only a lease duration after it saw our last renew, so
 * a write checked here cannot overlap with the next leader's, even when this JVM was paused (a GC pause, a frozen
 * node) and fabric8's elector has not noticed yet. Without election the instance is alone and always valid.
 */
public final class LeadershipFence implements QuayCallSteps.WriteFence {

    private final boolean enabled;
    private final long validityNanos;
    private final LongSupplier nanoClock;
    private volatile boolean holding;
    private volatile long validUntilNanos;

    /**
     * @param validity how long a renew keeps writes allowed: the lease duration minus a margin for the write in
     *                 flight and for clocks that run at slightly different rates
     */
    public LeadershipFence(boolean enabled, Duration validity, LongSupplier nanoClock) {
        this.enabled = enabled;
        this.validityNanos = validity.toNanos();
        this.nanoClock = nanoClock;
    }

    /** For the Lease settings: half of the window between giving up (renew deadline) and expiry is the margin. */
    public static LeadershipFence of(LeaseSettings settings) {
        Duration margin = settings.leaseDuration().minus(settings.renewDeadline()).dividedBy(2);
        return new LeadershipFence(settings.enabled(), settings.leaseDuration().minus(margin), System::nanoTime);
    }

    Duration validity() {
        return Duration.ofNanos(validityNanos);
    }

    /** A write to the Lease naming us succeeded; {@code attemptStartNanos} is when it was sent (the safe side). */
    void renewed(long attemptStartNanos) {
        validUntilNanos = attemptStartNanos + validityNanos;
        holding = true;
    }

    /** Leadership is given up or lost: no write from now on, whatever the clock says. */
    void revoke() {
        holding = false;
    }

    public boolean valid() {
        return !enabled || holding && validUntilNanos - nanoClock.getAsLong() > 0;
    }

    /** Asked by {@code quay-call} before each send: only a read, sign-in or sign-out passes without. */
    @Override
    public void beforeQuayCall(Exchange exchange) throws LeadershipLostException {
        QuayRequest request = QuayCall.request(exchange);
        if (request != null && request.changesQuay()) {
            check("Quay call " + request.operation());
        }
    }

    /** Called right before each write. */
    public void check(String write) throws LeadershipLostException {
        if (!valid()) {
            throw new LeadershipLostException("This instance no longer holds the leader Lease: " + write
                    + " not done; the leader carries on");
        }
    }
}
