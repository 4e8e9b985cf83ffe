package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.quay.QuayAccessDeniedException.Kind;
import io.github.quayorgmirror.quay.QuayNotFoundException.Missing;
import java.time.Duration;
import io.github.quayorgmirror.quay.QuayOperation.Auth;
import io.github.quayorgmirror.quay.QuayOperation.BadRequest;
import io.github.quayorgmirror.quay.QuayOperation.NotFound;

/**
 * Turns one Quay answer into a result or a typed failure (docs/quay-api.md): 2xx is a
 * result, 5xx, 429 and 408 (a proxy timing out) are retryable, other 4xx are permanent and explained as precisely as Quay lets us.
 */
final class QuayResponseClassifier {

    /**
     * What {@code GET /api/v1/organization/{org}} said, to explain a 403 or 404 of another call. Quay computes
     * {@code is_admin} with the token's scopes, so a token without {@code org:admin} shows up as MEMBER.
     */
    enum OrganizationAccess { ADMIN, MEMBER, NOT_MEMBER, MISSING, UNKNOWN }

    /**
     * The answer as far as the classifier needs it.
     *
     * @param redelivered true when this answer came to a redelivery of the request (an earlier attempt timed out
     *                    or got 5xx/429, and may nevertheless have been carried out by Quay)
     */
    /** {@code location}: the Location header of a 3xx, else null. */
    record Answer(QuayRequest request, QuayConnection connection, String organization, int status, String body,
            Duration retryAfter, boolean redelivered, String location) {
    }

    private QuayResponseClassifier() {
    }

    /** True when the answer means "absent" (a 404 of an operation whose table row says so). */
    static boolean isAbsent(Answer answer) {
        return answer.status() == 404 && answer.request().operation().notFound() == NotFound.ABSENT;
    }

    /** A 403 or 404 that only {@code GET /organization/{org}} can explain. */
    static boolean needsOrganizationLookup(Answer answer) {
        int status = answer.status();
        return (status == 404 || status == 403 && !QuayErrorText.isCsrfError(answer.body()))
                && answer.request().operation().explainedByOrganization() && !isAbsent(answer);
    }

    /** Returns normally for a 2xx or an absent answer; throws otherwise. */
    static void check(Answer answer, OrganizationAccess access) throws QuayApiException, QuayRetryableException {
        int status = answer.status();
        if (status >= 200 && status < 300 || isAbsent(answer) || isSyncStartedByEarlierAttempt(answer)) {
            return;
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new QuayRetryableException(answer.request(), answer.connection(), "HTTP " + status, status,
                    answer.retryAfter());
        }
        String operation = answer.request().operation().tag();
        boolean signIn = answer.request().operation().auth() == Auth.PENDING_SESSION;
        String quay = "Quay at " + answer.connection().baseUri();
        String quayText = QuayErrorText.of(answer.body());
        if (signIn && status == 403 && QuayErrorText.isCsrfError(answer.body())) {
            // not a verdict on the password: retried, as another attempt may reach the instance that set the cookie
            throw new QuayRejectedException(operation, status, quay + " refused the CSRF token of the sign-in (HTTP 403),"
                    + " before looking at the username and password: the session cookie of GET /csrf_token did not"
                    + " come back with the sign-in, or another Quay instance answered it. Behind a load balancer,"
                    + " several Quay replicas need one shared SECRET_KEY (or sticky sessions); a proxy must pass"
                    + " cookies", false);
        }
        if (signIn && (status == 401 || status == 403)) {
            throw new QuayAccessDeniedException(operation, status, Kind.BAD_CREDENTIALS, quay
                    + " refused the sign-in of the username in the connection Secret: " + orDefault(quayText,
                            "wrong username or password"));
        }
        if (status == 401 || status == 403 && QuayErrorText.isCsrfError(answer.body())) {
            throw badCredentials(answer, quay);
        }
        if (status == 403) {
            throw forbidden(answer, access, quay);
        }
        if (status == 404) {
            throw notFound(answer, access, quay);
        }
        if (status >= 300 && status < 400) {
            // redirects are not followed: a write must never be replayed somewhere else
            throw new QuayRejectedException(operation, status, quay + " redirected " + operation + " (HTTP " + status
                    + ") to " + orDefault(withoutQuery(answer.location()), "an address it did not give")
                    + ": the host in the connection Secret is not Quay's API address (https instead of http, another"
                    + " host name, or a login proxy in front of Quay?)");
        }
        String rejected = quay + " rejected " + operation + " (HTTP " + status + "): " + orDefault(quayText, "no reason given");
        if (isMirrorAlreadyThere(answer, quayText)) {
            throw new QuayMirrorExistsException(operation, status, rejected + (answer.redelivered()
                    ? " (an earlier attempt of this create probably went through)"
                    : " (created meanwhile, by another instance or by hand)") + "; the controller adopts it");
        }
        throw new QuayRejectedException(operation, status, rejected);
    }

    /**
     * A redelivered sync-now refused because a sync runs: the earlier attempt, whose answer was lost, started it.
     * Counted as done, or the controller would ask for a second sync once this one is over.
     */
    private static boolean isSyncStartedByEarlierAttempt(Answer answer) {
        return answer.redelivered() && answer.status() == 400
                && answer.request().operation().badRequest() == BadRequest.SYNC_RUNNING
                && QuayErrorText.of(answer.body()) != null && QuayErrorText.of(answer.body()).startsWith("Cannot trigger sync");
    }

    private static boolean isMirrorAlreadyThere(Answer answer, String quayText) {
        return answer.status() == 400 && answer.request().operation().badRequest() == BadRequest.MIRROR_EXISTS
                && quayText != null && quayText.contains("already exists");
    }

    private static QuayAccessDeniedException badCredentials(Answer answer, String quay) {
        boolean token = answer.connection().credentials() instanceof QuayConnection.Credentials.Token;
        String why = token
                ? "the token in the connection Secret is unknown or expired (Quay then treats the call as anonymous)"
                : "the session was refused even after signing in again";
        return new QuayAccessDeniedException(answer.request().operation().tag(), answer.status(), Kind.BAD_CREDENTIALS,
                quay + " did not accept the credentials (HTTP " + answer.status() + "): " + why);
    }

    private static QuayApiException forbidden(Answer answer, OrganizationAccess access, String quay) {
        String operation = answer.request().operation().tag();
        String org = answer.organization();
        boolean token = answer.connection().credentials() instanceof QuayConnection.Credentials.Token;
        if (access == OrganizationAccess.MISSING) {
            return new QuayNotFoundException(operation, Missing.ORGANIZATION,
                    "Organization " + org + " does not exist in " + quay);
        }
        if (access == OrganizationAccess.ADMIN || access == OrganizationAccess.MEMBER && token) {
            return new QuayAccessDeniedException(operation, 403, Kind.MISSING_SCOPE, quay + " refused " + operation
                    + ": the token lacks the org:admin scope (\"Administer Organization\")"
                    + (access == OrganizationAccess.ADMIN ? "" : ", or its user is a member but not an administrator")
                    + " of organization " + org);
        }
        return new QuayAccessDeniedException(operation, 403, Kind.NOT_ORG_ADMIN, quay + " refused " + operation
                + ": the user of the connection Secret is not an administrator of organization " + org);
    }

    private static QuayApiException notFound(Answer answer, OrganizationAccess access, String quay) {
        String operation = answer.request().operation().tag();
        NotFound meaning = answer.request().operation().notFound();
        String org = answer.organization();
        if (meaning == NotFound.NO_ORGANIZATION || access == OrganizationAccess.MISSING) {
            return new QuayNotFoundException(operation, Missing.ORGANIZATION,
                    "Organization " + org + " does not exist in " + quay);
        }
        if (meaning == NotFound.NOT_QUAY) {
            return new QuayRejectedException(operation, 404, quay + " has no " + answer.request().path()
                    + " (HTTP 404): check the host in the connection Secret");
        }
        return new QuayNotFoundException(operation, Missing.MIRROR, "Organization " + org
                + " has no mirror configuration in " + quay + " (or FEATURE_ORG_MIRROR is off)");
    }

    /** A redirect's query may carry a login flow's state: only where it points is worth showing. */
    private static String withoutQuery(String location) {
        return location == null ? null : location.split("[?#]", 2)[0];
    }

    private static String orDefault(String text, String fallback) {
        return text == null ? fallback : text;
    }
}
