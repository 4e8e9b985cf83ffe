package io.github.quayorgmirror.quay;

/**
 * Every Quay call the controller makes, in one table: method, path, how it authenticates, what a 404 or a 400
 * means for it, and whether a retryable failure is redelivered (docs/quay-api.md). Behaviour is keyed on these
 * columns, never on a route id: {@link #tag()} is only the metric tag and the name shown in messages, and by
 * convention also the name of the operation's route {@code direct:quay-<operation>}.
 */
public enum QuayOperation {

    GET_ORG_MIRROR("quay-get-org-mirror", "GET", "/api/v1/organization/{org}/mirror",
            Auth.CONNECTION, NotFound.ABSENT, BadRequest.REJECTED, true),
    CREATE_ORG_MIRROR("quay-create-org-mirror", "POST", "/api/v1/organization/{org}/mirror",
            Auth.CONNECTION, NotFound.NO_MIRROR, BadRequest.MIRROR_EXISTS, true),
    UPDATE_ORG_MIRROR("quay-update-org-mirror", "PUT", "/api/v1/organization/{org}/mirror",
            Auth.CONNECTION, NotFound.NO_MIRROR, BadRequest.REJECTED, true),
    DELETE_ORG_MIRROR("quay-delete-org-mirror", "DELETE", "/api/v1/organization/{org}/mirror",
            Auth.CONNECTION, NotFound.ABSENT, BadRequest.REJECTED, true),
    SYNC_NOW("quay-sync-now", "POST", "/api/v1/organization/{org}/mirror/sync-now",
            Auth.CONNECTION, NotFound.NO_MIRROR, BadRequest.SYNC_RUNNING, true),
    SYNC_CANCEL("quay-sync-cancel", "POST", "/api/v1/organization/{org}/mirror/sync-cancel",
            Auth.CONNECTION, NotFound.NO_MIRROR, BadRequest.REJECTED, true),
    VERIFY_ORG_MIRROR("quay-verify-org-mirror", "POST", "/api/v1/organization/{org}/mirror/verify",
            Auth.CONNECTION, NotFound.NO_MIRROR, BadRequest.REJECTED, true),
    GET_ORGANIZATION("quay-get-organization", "GET", "/api/v1/organization/{org}",
            Auth.CONNECTION, NotFound.NO_ORGANIZATION, BadRequest.REJECTED, true),
    /** Quay's features and version: public, outside {@code /api}. */
    GET_CONFIG("quay-get-config", "GET", "/config",
            Auth.NONE, NotFound.NOT_QUAY, BadRequest.REJECTED, true),
    CSRF_TOKEN("quay-csrf-token", "GET", "/csrf_token",
            Auth.NONE, NotFound.NOT_QUAY, BadRequest.REJECTED, true),
    SIGN_IN("quay-signin", "POST", "/api/v1/signin",
            Auth.PENDING_SESSION, NotFound.NOT_QUAY, BadRequest.REJECTED, true),
    /** Not redelivered: a sign-out at shutdown must not hold the shutdown up. */
    SIGN_OUT("quay-signout", "POST", "/api/v1/signout",
            Auth.STORED_SESSION, NotFound.NOT_QUAY, BadRequest.REJECTED, false);

    /** How the call authenticates. */
    public enum Auth {
        /** The connection's token, or its session (signing in first when there is none). */
        CONNECTION,
        /** Nothing: public endpoints, and the CSRF token that starts a session. */
        NONE,
        /** The not yet signed-in session from {@code GET /csrf_token}: the sign-in itself. */
        PENDING_SESSION,
        /** The stored session only, never a new sign-in: the sign-out. */
        STORED_SESSION
    }

    /** What a 404 means. */
    public enum NotFound {
        /** A result, not an error: nothing there (the answer's body becomes null). */
        ABSENT,
        /** The organization has no mirror configuration, or does not exist ({@code GET /organization} tells). */
        NO_MIRROR,
        /** The organization does not exist. */
        NO_ORGANIZATION,
        /** The endpoint is missing: the connection Secret's host is not Quay. */
        NOT_QUAY
    }

    /** What a 400 means besides a rejected request. */
    public enum BadRequest {
        REJECTED,
        /** "already exists": the mirror is adopted. */
        MIRROR_EXISTS,
        /** "Cannot trigger sync" after a redelivery: the lost earlier attempt started the sync, counted as done. */
        SYNC_RUNNING
    }

    private final String tag;
    private final String method;
    private final String pathTemplate;
    private final Auth auth;
    private final NotFound notFound;
    private final BadRequest badRequest;
    private final boolean redelivered;

    QuayOperation(String tag, String method, String pathTemplate, Auth auth, NotFound notFound, BadRequest badRequest,
            boolean redelivered) {
        this.tag = tag;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.auth = auth;
        this.notFound = notFound;
        this.badRequest = badRequest;
        this.redelivered = redelivered;
    }

    /** Metric tag and name in messages, e.g. {@code quay-get-org-mirror}. */
    public String tag() {
        return tag;
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    public Auth auth() {
        return auth;
    }

    public NotFound notFound() {
        return notFound;
    }

    public BadRequest badRequest() {
        return badRequest;
    }

    /** Whether a retryable failure (5xx, 429, 408, I/O) is redelivered. */
    public boolean redelivered() {
        return redelivered;
    }

    /** A 403 or 404 of this call is explained by asking {@code GET /organization/{org}}. */
    boolean explainedByOrganization() {
        return notFound == NotFound.ABSENT || notFound == NotFound.NO_MIRROR;
    }

    /** The session's own calls: their answer headers (cookie, next CSRF token) are read after the call. */
    boolean startsSession() {
        return this == CSRF_TOKEN || this == SIGN_IN;
    }

    boolean isWrite() {
        return !"GET".equals(method) && !"HEAD".equals(method);
    }

    @Override
    public String toString() {
        return tag;
    }
}
