package io.github.quayorgmirror.quay;

import java.util.Map;

/**
 * One Quay call as the operation route defined it, kept in the exchange property {@code quayRequest}
 * (never in headers: every header becomes an HTTP header). Each operation route replaces it, so nothing
 * of an earlier call on the same exchange leaks into the next one.
 *
 * @param operation route id of the operation, e.g. {@code quay-get-org-mirror}: metric tag and error context
 * @param method    HTTP method
 * @param path      path below the Quay base URI, already expanded and encoded
 * @param query     query parameters (may be empty)
 * @param json      request body, or null when the call has none
 */
public record QuayRequest(String operation, String method, String path, Map<String, String> query, String json) {

    static final String CSRF_TOKEN = "quay-csrf-token";
    static final String SIGN_IN = "quay-signin";
    static final String SIGN_OUT = "quay-signout";
    /** {@code GET /config}: public, outside {@code /api}; lists Quay's features and version. */
    static final String GET_CONFIG = "quay-get-config";

    /** How the call authenticates. */
    enum Auth {
        /** The connection's token, or its session (signing in first when there is none). */
        CONNECTION,
        /** Nothing: fetching the CSRF token that starts a session. */
        NONE,
        /** The not yet signed-in session from {@code GET /csrf_token}: the sign-in itself. */
        PENDING_SESSION,
        /** The stored session only, never a new sign-in: the sign-out. */
        STORED_SESSION
    }

    Auth auth() {
        return switch (operation) {
            case CSRF_TOKEN, GET_CONFIG -> Auth.NONE;
            case SIGN_IN -> Auth.PENDING_SESSION;
            case SIGN_OUT -> Auth.STORED_SESSION;
            default -> Auth.CONNECTION;
        };
    }

    /** A sign-out at shutdown must not hold the shutdown up with redeliveries. */
    public boolean redeliverable() {
        return !SIGN_OUT.equals(operation);
    }

    /** The same call without its body: what stays on the exchange once the call is done (the body may hold a password). */
    QuayRequest withoutJson() {
        return new QuayRequest(operation, method, path, query, null);
    }

    /** The sign-in flow reads answer headers after {@code quay-request}; its exchange never leaves the session store. */
    boolean isSignInFlow() {
        return CSRF_TOKEN.equals(operation) || SIGN_IN.equals(operation);
    }

    boolean isWrite() {
        return !"GET".equals(method) && !"HEAD".equals(method);
    }

    /** A call that changes something in Quay (not a read, not the session's sign-in or sign-out). */
    public boolean changesQuay() {
        return isWrite() && auth() == Auth.CONNECTION;
    }

    @Override
    public String toString() {
        return "QuayRequest[" + operation + " " + method + " " + path + "]";
    }
}
