package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quayorgmirror.quay.QuayAccessDeniedException.Kind;
import io.github.quayorgmirror.quay.QuayNotFoundException.Missing;
import io.github.quayorgmirror.quay.QuayResponseClassifier.Answer;
import io.github.quayorgmirror.quay.QuayResponseClassifier.OrganizationAccess;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuayResponseClassifierTest {

    private static final QuayConnection TOKEN = new QuayConnection(URI.create("https://quay.example.com"), true,
            Duration.ofSeconds(10), new QuayConnection.Credentials.Token("t0ken"));
    private static final QuayConnection PASSWORD = new QuayConnection(URI.create("https://quay.example.com"), true,
            Duration.ofSeconds(10), new QuayConnection.Credentials.UsernamePassword("alice", "pw"));
    private static final String CSRF = "{\"error\": \"CSRF token was invalid or missing.\"}";
    private static final String NOT_FOUND = "{\"detail\": \"Not Found\", \"error_message\": \"Not Found\", \"error_type\": \"not_found\"}";
    private static final String UNAUTHORIZED = "{\"detail\": \"Unauthorized\", \"error_message\": \"Unauthorized\", \"error_type\": \"insufficient_scope\"}";

    private static Answer answer(QuayOperation operation, int status, String body) {
        return answer(operation, status, body, TOKEN);
    }

    private static Answer answer(QuayOperation operation, int status, String body, QuayConnection connection) {
        return new Answer(new QuayRequest(operation, "/api/v1/x", null), connection, "acme", status,
                body, null, false, null);
    }

    static Stream<Arguments> successes() {
        return Stream.of(Arguments.of(QuayOperation.GET_ORG_MIRROR, 200, false), Arguments.of(QuayOperation.CREATE_ORG_MIRROR, 201, false),
                Arguments.of(QuayOperation.DELETE_ORG_MIRROR, 204, false), Arguments.of(QuayOperation.GET_ORG_MIRROR, 404, true),
                Arguments.of(QuayOperation.DELETE_ORG_MIRROR, 404, true), Arguments.of(QuayOperation.GET_CONFIG, 200, false));
    }

    @ParameterizedTest
    @MethodSource("successes")
    void answersThatAreResults(QuayOperation operation, int status, boolean absent) {
        Answer answer = answer(operation, status, status == 404 ? NOT_FOUND : "{}");
        assertThatCode(() -> QuayResponseClassifier.check(answer, OrganizationAccess.UNKNOWN)).doesNotThrowAnyException();
        assertThat(QuayResponseClassifier.isAbsent(answer)).isEqualTo(absent);
        assertThat(QuayResponseClassifier.needsOrganizationLookup(answer)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("retryableStatuses")
    void serverErrorsAndRateLimitsAreRetryable(int status) {
        Answer answer = new Answer(new QuayRequest(QuayOperation.SYNC_NOW, "/x", null), TOKEN, "acme",
                status, "", Duration.ofSeconds(3), false, null);
        assertThatThrownBy(() -> QuayResponseClassifier.check(answer, OrganizationAccess.UNKNOWN))
                .isInstanceOfSatisfying(QuayRetryableException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.cause()).isEqualTo("HTTP " + status);
                    assertThat(e.getMessage()).isEqualTo("HTTP " + status + " from Quay at https://quay.example.com (quay-sync-now)");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                });
    }

    static Stream<Integer> retryableStatuses() {
        return Stream.of(408, 429, 500, 502, 503, 504);
    }

    @Test
    void badRequestCarriesFirstLineOfQuayMessage() {
        String body = "{\"error_message\": \"5000 is greater than the maximum of 3600\\n\\nFailed validating 'maximum'\","
                + " \"error_type\": \"invalid_request\"}";
        assertThatThrownBy(() -> QuayResponseClassifier.check(answer(QuayOperation.UPDATE_ORG_MIRROR, 400, body),
                OrganizationAccess.UNKNOWN))
                .isInstanceOfSatisfying(QuayRejectedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).endsWith(": 5000 is greater than the maximum of 3600")
                            .contains(QuayOperation.UPDATE_ORG_MIRROR.tag());
                });
    }

    @Test
    void aRedirectWithoutLocationSaysSoAndIsPermanent() {
        assertThatThrownBy(() -> QuayResponseClassifier.check(answer(QuayOperation.GET_ORG_MIRROR, 302, ""),
                OrganizationAccess.UNKNOWN))
                .isInstanceOfSatisfying(QuayRejectedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Quay at https://quay.example.com redirected quay-get-org-mirror"
                            + " (HTTP 302) to an address it did not give: the host in the connection Secret is not"
                            + " Quay's API address (https instead of http, another host name, or a login proxy in"
                            + " front of Quay?)");
                });
    }

    @Test
    void badRequestFallsBackToMessageField() {
        assertThatThrownBy(() -> QuayResponseClassifier.check(answer(QuayOperation.CREATE_ORG_MIRROR, 400,
                "{\"message\": \"Could not find robot\"}"), OrganizationAccess.UNKNOWN))
                .isInstanceOf(QuayRejectedException.class).hasMessageEndingWith(": Could not find robot");
    }

    static Stream<Arguments> denials() {
        return Stream.of(
                Arguments.of(401, "{\"error_type\": \"invalid_token\"}", TOKEN, OrganizationAccess.UNKNOWN, Kind.BAD_CREDENTIALS),
                Arguments.of(403, CSRF, TOKEN, OrganizationAccess.UNKNOWN, Kind.BAD_CREDENTIALS),
                Arguments.of(403, CSRF, PASSWORD, OrganizationAccess.UNKNOWN, Kind.BAD_CREDENTIALS),
                Arguments.of(403, UNAUTHORIZED, TOKEN, OrganizationAccess.ADMIN, Kind.MISSING_SCOPE),
                Arguments.of(403, UNAUTHORIZED, TOKEN, OrganizationAccess.MEMBER, Kind.MISSING_SCOPE),
                Arguments.of(403, UNAUTHORIZED, PASSWORD, OrganizationAccess.MEMBER, Kind.NOT_ORG_ADMIN),
                Arguments.of(403, UNAUTHORIZED, TOKEN, OrganizationAccess.NOT_MEMBER, Kind.NOT_ORG_ADMIN),
                Arguments.of(403, UNAUTHORIZED, TOKEN, OrganizationAccess.UNKNOWN, Kind.NOT_ORG_ADMIN));
    }

    @ParameterizedTest
    @MethodSource("denials")
    void refusalsTellTheCause(int status, String body, QuayConnection connection, OrganizationAccess access, Kind kind) {
        assertThatThrownBy(() -> QuayResponseClassifier.check(answer(QuayOperation.SYNC_NOW, status, body, connection), access))
                .isInstanceOfSatisfying(QuayAccessDeniedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.getMessage()).doesNotContain("t0ken", "pw");
                });
    }

    @Test
    void forbiddenOnMissingOrganizationIsNotFound() {
        assertThatThrownBy(() -> QuayResponseClassifier.check(answer(QuayOperation.CREATE_ORG_MIRROR, 403, UNAUTHORIZED),
                OrganizationAccess.MISSING))
                .isInstanceOfSatisfying(QuayNotFoundException.class,
                        e -> assertThat(e.missing()).isEqualTo(Missing.ORGANIZATION));
    }

    static Stream<Arguments> notFounds() {
        return Stream.of(Arguments.of(QuayOperation.SYNC_NOW, OrganizationAccess.ADMIN, Missing.MIRROR),
                Arguments.of(QuayOperation.UPDATE_ORG_MIRROR, OrganizationAccess.UNKNOWN, Missing.MIRROR),
                Arguments.of(QuayOperation.CREATE_ORG_MIRROR, OrganizationAccess.MISSING, Missing.ORGANIZATION),
                Arguments.of(QuayOperation.GET_ORGANIZATION, OrganizationAccess.UNKNOWN, Missing.ORGANIZATION));
    }

    @ParameterizedTest
    @MethodSource("notFounds")
    void notFoundSaysWhatIsMissing(QuayOperation operation, OrganizationAccess access, Missing missing) {
        assertThatThrownBy(() -> QuayResponseClassifier.check(answer(operation, 404, NOT_FOUND), access))
                .isInstanceOfSatisfying(QuayNotFoundException.class, e -> {
                    assertThat(e.missing()).isEqualTo(missing);
                    assertThat(e.getMessage()).contains("acme");
                });
    }

    @Test
    void lookupOnlyForOrganizationScopedRefusals() {
        assertThat(QuayResponseClassifier.needsOrganizationLookup(answer(QuayOperation.SYNC_NOW, 404, NOT_FOUND))).isTrue();
        assertThat(QuayResponseClassifier.needsOrganizationLookup(answer(QuayOperation.SYNC_NOW, 403, UNAUTHORIZED))).isTrue();
        assertThat(QuayResponseClassifier.needsOrganizationLookup(answer(QuayOperation.SYNC_NOW, 403, CSRF))).isFalse();
        assertThat(QuayResponseClassifier.needsOrganizationLookup(answer(QuayOperation.GET_ORGANIZATION, 404, NOT_FOUND))).isFalse();
        assertThat(QuayResponseClassifier.needsOrganizationLookup(answer(QuayOperation.SIGN_IN, 403, UNAUTHORIZED))).isFalse();
        assertThat(QuayResponseClassifier.needsOrganizationLookup(answer(QuayOperation.SYNC_NOW, 400, "{}"))).isFalse();
    }

    @Test
    void aSignInRefusedForItsCsrfTokenIsNoVerdictOnThePassword() {
        assertThatThrownBy(() -> QuayResponseClassifier.check(answer(QuayOperation.SIGN_IN, 403, CSRF, PASSWORD),
                OrganizationAccess.UNKNOWN))
                .isInstanceOfSatisfying(QuayRejectedException.class, e -> {
                    assertThat(e.permanent()).as("retried: another attempt may reach the right instance").isFalse();
                    assertThat(e.getMessage()).contains("refused the CSRF token of the sign-in (HTTP 403)")
                            .contains("before looking at the username and password").contains("SECRET_KEY");
                });
    }

    @Test
    void refusedSignInIsBadCredentials() {
        String body = "{\"needsEmailVerification\": false, \"invalidCredentials\": true, \"message\": \"Invalid username or password\"}";
        assertThatThrownBy(() -> QuayResponseClassifier.check(answer(QuayOperation.SIGN_IN, 403, body, PASSWORD),
                OrganizationAccess.UNKNOWN))
                .isInstanceOfSatisfying(QuayAccessDeniedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
                    assertThat(e.getMessage()).contains("Invalid username or password").doesNotContain("pw");
                });
    }
}
