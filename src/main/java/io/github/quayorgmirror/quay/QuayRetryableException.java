package io.github.quayorgmirror.quay;

import java.time.Duration;

/**
 * A failure worth another attempt (5xx, 429, timeout, connection refused or reset). It only lives between the
 * classifier and the redelivering error handler of {@code quay-request}: once the redeliveries are spent it
 * becomes a {@link QuayUnavailableException}.
 */
public class QuayRetryableException extends Exception {

    private final int statusCode;
    private final transient Duration retryAfter;

    public QuayRetryableException(String cause, int statusCode, Duration retryAfter) {
        super(cause);
        this.statusCode = statusCode;
        this.retryAfter = retryAfter;
    }

    /** HTTP status, or 0 when no answer came. */
    public int statusCode() {
        return statusCode;
    }

    /** What Quay asked for in {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
