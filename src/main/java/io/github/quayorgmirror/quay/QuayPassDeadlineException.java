package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.failure.ConditionReason;

/** A call not sent: the reconcile pass used up its time ({@code orgmirror.reconcile.pass-deadline}). */
public class QuayPassDeadlineException extends QuayUnavailableException {

    public QuayPassDeadlineException(String operation, String message) {
        super(operation, 0, message);
    }

    @Override
    public ConditionReason reason() {
        return ConditionReason.PassDeadlineExceeded;
    }
}
