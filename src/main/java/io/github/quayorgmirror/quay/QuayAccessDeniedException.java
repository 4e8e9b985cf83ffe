package io.github.quayorgmirror.quay;

/** Quay said 401 or 403; {@link Kind} tells the user which of the three usual causes it is. */
public class QuayAccessDeniedException extends QuayApiException {

    public enum Kind {
        /** 401, or a sign-in refused: the token or the username/password is wrong or expired. */
        BAD_CREDENTIALS("QuayUnauthorized"),
        /** 403 although the user administers the organization: the OAuth token lacks the org:admin scope. */
        MISSING_SCOPE("QuayMissingScope"),
        /** 403: the user is not an administrator of the organization (or it does not exist). */
        NOT_ORG_ADMIN("QuayForbidden");

        private final String reason;

        Kind(String reason) {
            this.reason = reason;
        }
    }

    private final Kind kind;

    public QuayAccessDeniedException(String operation, int statusCode, Kind kind, String message) {
        super(operation, statusCode, message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String reason() {
        return kind.reason;
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
