package io.github.quayorgmirror.quay;

/** A call not sent: the reconcile pass used up its time ({@code orgmirror.reconcile.pass-deadline}). */
public class QuayPassDeadlineException extends QuayUnavailableException {

    public QuayPassDeadlineException(String operation, String message) {
        super(operation, 0, message);
    }

    @Override
    public String reason() {
        return "PassDeadlineExceeded";
    }
}
