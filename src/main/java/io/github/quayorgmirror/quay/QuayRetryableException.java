package io.github.quayorgmirror.quay;

import java.time.Duration;

/**
 * A failure worth another attempt (5xx, 429, timeout, connection refused or reset). It only lives between the
 * classifier and the redelivering route configuration {@code quay-http}: once the redeliveries are spent it
 * becomes a {@link QuayUnavailableException}.
 */
public class QuayRetryableException extends Exception {

    private final String cause;
    private final int statusCode;
    private final transient Duration retryAfter;

    /** The message (what the retry log shows) names operation and Quay; {@link #cause()} is the bare cause. */
    public QuayRetryableException(QuayRequest request, QuayConnection connection, String cause, int statusCode,
            Duration retryAfter) {
        super(cause + " from Quay at " + connection.baseUri() + " (" + request.operation() + ")");
        this.cause = cause;
        this.statusCode = statusCode;
        this.retryAfter = retryAfter;
    }

    /** E.g. {@code HTTP 503}, {@code connection refused}. */
    public String cause() {
        return cause;
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
