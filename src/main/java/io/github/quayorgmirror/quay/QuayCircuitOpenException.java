package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.failure.ConditionReason;

/** A call not sent: the circuit breaker of its Quay host is open (see {@link QuayCircuitBreakers}). */
public class QuayCircuitOpenException extends QuayUnavailableException {

    public QuayCircuitOpenException(String operation, String message) {
        super(operation, 0, message);
    }

    @Override
    public ConditionReason reason() {
        return ConditionReason.QuayCircuitOpen;
    }
}
