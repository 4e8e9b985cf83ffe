package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.failure.ConditionReason;
import org.apache.camel.Exchange;

/** Quay refused the request (HTTP 400): the message is Quay's error_message. */
public class QuayRejectedException extends QuayApiException {

    private final boolean permanent;

    public QuayRejectedException(String operation, int statusCode, String message) {
        this(operation, statusCode, message, true);
    }

    /**
     * @param permanent false when the refusal is expected to go away on the next pass (a redelivered create whose
     *                  first attempt Quay committed: the next pass reads the configuration and adopts it)
     */
    public QuayRejectedException(String operation, int statusCode, String message, boolean permanent) {
        super(operation, statusCode, message);
        this.permanent = permanent;
    }

    /**
     * Whether this is Quay's own 400 to {@code operation}, not a refusal met on the way there (a sign-in's CSRF token,
     * a redirect, an endpoint missing): only that says something about the operation itself.
     */
    public boolean answers(QuayOperation operation) {
        return statusCode() == 400 && operation.tag().equals(operation());
    }

    /** The exception a {@code doCatch} caught on this exchange is Quay's own 400 to {@code operation}. */
    public static boolean caughtFrom(Exchange exchange, QuayOperation operation) {
        Exception caught = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return caught instanceof QuayRejectedException rejected && rejected.answers(operation);
    }

    @Override
    public ConditionReason reason() {
        return ConditionReason.QuayRejected;
    }

    @Override
    public boolean permanent() {
        return permanent;
    }
}
