package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.failure.ReconcileFailure;

/**
 * A Quay answer the controller must act on. Subclasses say which family it belongs to; the message
 * carries Quay's own text where it gave one, and never a request header or credential.
 */
public abstract class QuayApiException extends Exception implements ReconcileFailure {

    private final String operation;
    private final int statusCode;

    protected QuayApiException(String operation, int statusCode, String message) {
        super(message);
        this.operation = operation;
        this.statusCode = statusCode;
    }

    /** The route id of the Quay call, e.g. {@code quay-create-org-mirror}. */
    public String operation() {
        return operation;
    }

    /** HTTP status, or 0 when no answer came (connection failure). */
    public int statusCode() {
        return statusCode;
    }
}
