package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.failure.ConditionReason;

/** Quay could not be reached or answered 5xx/429 after every redelivery. */
public class QuayUnavailableException extends QuayApiException {

    public QuayUnavailableException(String operation, int statusCode, String message) {
        super(operation, statusCode, message);
    }

    @Override
    public ConditionReason reason() {
        return ConditionReason.QuayUnavailable;
    }

    @Override
    public boolean permanent() {
        return false;
    }
}
