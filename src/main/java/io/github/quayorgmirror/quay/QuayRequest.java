package io.github.quayorgmirror.quay;

/**
 * One Quay call as the operation route defined it, kept in the exchange property {@code quayRequest}
 * (never in headers: every header becomes an HTTP header). Each operation route replaces it, so nothing
 * of an earlier call on the same exchange leaks into the next one.
 *
 * @param operation the row of the operation table: method, authentication, meaning of 404 and 400, redelivery
 * @param path      path below the Quay base URI, already expanded and encoded
 * @param json      request body, or null when the call has none
 */
public record QuayRequest(QuayOperation operation, String path, String json) {

    public String method() {
        return operation.method();
    }

    /** A sign-out at shutdown must not hold the shutdown up with redeliveries. */
    public boolean redeliverable() {
        return operation.redelivered();
    }

    /** The same call without its body: what stays on the exchange once the call is done (the body may hold a password). */
    QuayRequest withoutJson() {
        return new QuayRequest(operation, path, null);
    }

    /** A call that changes something in Quay (not a read, not the session's sign-in or sign-out). */
    public boolean changesQuay() {
        return operation.isWrite() && operation.auth() == QuayOperation.Auth.CONNECTION;
    }

    @Override
    public String toString() {
        return "QuayRequest[" + operation + " " + method() + " " + path + "]";
    }
}
