package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.failure.ConditionReason;

/** Quay said 401 or 403; {@link Kind} tells the user which of the three usual causes it is. */
public class QuayAccessDeniedException extends QuayApiException {

    public enum Kind {
        /** 401, or a sign-in refused: the token or the username/password is wrong or expired. */
        BAD_CREDENTIALS(ConditionReason.QuayUnauthorized),
        /** 403 although the user administers the organization: the OAuth token lacks the org:admin scope. */
        MISSING_SCOPE(ConditionReason.QuayMissingScope),
        /** 403: the user is not an administrator of the organization (or it does not exist). */
        NOT_ORG_ADMIN(ConditionReason.QuayForbidden);

        private final ConditionReason reason;

        Kind(ConditionReason reason) {
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
    public ConditionReason reason() {
        return kind.reason;
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
