package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.failure.ConditionReason;

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

    @Override
    public ConditionReason reason() {
        return ConditionReason.QuayRejected;
    }

    @Override
    public boolean permanent() {
        return permanent;
    }
}
