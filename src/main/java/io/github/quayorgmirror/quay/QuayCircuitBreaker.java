package io.github.quayorgmirror.quay;

import java.time.Duration;

/**
 * The circuit breaker of one Quay host: after {@code failureThreshold} calls in a row without an answer (I/O
 * failure, timeout) or with a 5xx, calls fail fast for {@code openDuration}; then one trial call goes through, and
 * its outcome closes the circuit or opens it again. Times are on the monotonic clock (nanoseconds).
 */
final class QuayCircuitBreaker {

    private final int failureThreshold;
    private final long openNanos;
    private int consecutiveFailures;
    private boolean open;
    private long openUntil;
    private boolean trialInFlight;
    private String lastFailure;
    private boolean answered;

    QuayCircuitBreaker(int failureThreshold, Duration openDuration) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
    }

    /** @return null when the call may go, else how long until the next call may (the circuit is open) */
    synchronized Duration admit(long now) {
        if (!open) {
            return null;
        }
        if (now - openUntil < 0) {
            return Duration.ofNanos(openUntil - now);
        }
        // one trial at a time; a trial that never reported back (it failed before reaching Quay) expires
        if (trialInFlight && now - openUntil < openNanos) {
            return Duration.ofNanos(openUntil + openNanos - now);
        }
        trialInFlight = true;
        return null;
    }

    synchronized void succeeded() {
        answered = true;
        consecutiveFailures = 0;
        open = false;
        trialInFlight = false;
    }

    synchronized void failed(long now, String cause) {
        consecutiveFailures++;
        lastFailure = cause;
        if (open || consecutiveFailures >= failureThreshold) {
            open = true;
            trialInFlight = false;
            openUntil = now + openNanos;
        }
    }

    /** Answered at least once, and the latest call got an answer (closed, no failure since). */
    synchronized boolean answering() {
        return answered && consecutiveFailures == 0 && !open;
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized String lastFailure() {
        return lastFailure;
    }
}
