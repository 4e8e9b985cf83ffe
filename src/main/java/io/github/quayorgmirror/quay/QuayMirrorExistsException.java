package io.github.quayorgmirror.quay;

/**
 * Quay refused a create because the organization already has a mirror configuration (HTTP 400 "already exists":
 * an earlier attempt whose answer was lost, another instance, or someone by hand). Not a failure of the resource:
 * the apply route reads the configuration and adopts it with the minimal update.
 */
public class QuayMirrorExistsException extends QuayRejectedException {

    public QuayMirrorExistsException(String operation, int statusCode, String message) {
        super(operation, statusCode, message, false);
    }
}
