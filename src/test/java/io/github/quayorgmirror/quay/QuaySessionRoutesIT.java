package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.quay.QuayAccessDeniedException.Kind;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/** Username/password connections: the CSRF sign-in flow, session reuse, re-login after expiry, sign-out. */
@CamelMainTest(configurationClasses = {QuayConfiguration.class, NoLeaderElection.class}, properties = {QuayRoutesTestBase.ROUTES,
        QuayRoutesTestBase.NO_MANAGEMENT_PORT, QuayRoutesTestBase.FAST_REDELIVERY, QuayRoutesTestBase.MAX_DELAY,
        QuayRoutesTestBase.REDELIVERIES})
class QuaySessionRoutesIT extends QuayRoutesTestBase {

    private static final String MIRROR = "/api/v1/organization/org/mirror";
    private static final String SIGN_IN = "/api/v1/signin";

    @Test
    void signsInOnceThenSendsCookieAndCsrfTokenOnWritesOnly() {
        QuayConnection alice = passwordConnection("alice", ALICE_PASSWORD);

        succeed("quay-create-org-mirror", alice, "org", createBody());
        Exchange read = succeed("quay-get-org-mirror", alice, "org", null);

        assertThat(read.getProperty("quayMirrorExists", Boolean.class)).isTrue();
        assertThat(read.getMessage().getHeaders().keySet()).as("no Quay answer header travels on")
                .allSatisfy(name -> assertThat(name).startsWith("Camel"));
        assertThat(quay.calls()).extracting(c -> c.method() + " " + c.path() + " " + c.status())
                .containsExactly("GET /csrf_token 200", "POST /api/v1/signin 200", "POST " + MIRROR + " 201",
                        "GET " + MIRROR + " 200");
        RecordedCall signIn = callsTo("POST", SIGN_IN).get(0);
        assertThat(signIn.header("X-CSRF-Token")).isPresent();
        assertThat(signIn.header("Cookie")).contains("_csrf_token=" + RecordedCall.MASK);
        assertThat(signIn.bodyJson().orElseThrow()).containsEntry("username", "alice");
        RecordedCall write = callsTo("POST", MIRROR).get(0);
        assertThat(write.header("Cookie")).contains("_csrf_token=" + RecordedCall.MASK);
        assertThat(write.header("X-CSRF-Token")).isPresent();
        assertThat(write.header("Authorization")).isEmpty();
        RecordedCall get = callsTo("GET", MIRROR).get(0);
        assertThat(get.header("Cookie")).isPresent();
        assertThat(get.header("X-CSRF-Token")).isEmpty();
    }

    @Test
    void expiredSessionSignsInAgainOnceAndResends() {
        QuayConnection alice = passwordConnection("alice", ALICE_PASSWORD);
        succeed("quay-create-org-mirror", alice, "org", createBody());
        quay.expireSessions();

        succeed("quay-sync-now", alice, "org", null);
        quay.expireSessions();
        Exchange read = succeed("quay-get-org-mirror", alice, "org", null);

        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_status", "SYNC_NOW");
        assertThat(read.getProperty("quayMirrorExists", Boolean.class)).isTrue();
        assertThat(callsTo("POST", MIRROR + "/sync-now")).extracting(RecordedCall::status).containsExactly(403, 204);
        assertThat(callsTo("GET", MIRROR)).extracting(RecordedCall::status).containsExactly(401, 200);
        assertThat(callsTo("POST", SIGN_IN)).hasSize(3);
    }

    @Test
    void wrongPasswordIsBadCredentialsWithoutRetry() {
        Exchange answer = call("quay-get-org-mirror", passwordConnection("alice", "wrong-password"), "org", null);

        assertThat(answer.getException()).isInstanceOfSatisfying(QuayAccessDeniedException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
            assertThat(e.operation()).isEqualTo("quay-signin");
            assertThat(e.getMessage()).contains("refused the sign-in").doesNotContain("wrong-password");
        });
        assertThat(callsTo("POST", SIGN_IN)).extracting(RecordedCall::status).containsExactly(403);
        assertThat(callsTo("GET", MIRROR)).isEmpty();
    }

    @Test
    void wrongPasswordNeverBorrowsTheSessionOfTheRightOne() {
        QuayConnection right = passwordConnection("alice", ALICE_PASSWORD);
        QuayConnection wrong = passwordConnection("alice", "wrong-password");
        succeed("quay-get-org-mirror", right, "org", null);

        Exchange wrongAnswer = call("quay-get-org-mirror", wrong, "org", null);
        Exchange rightAgain = call("quay-create-org-mirror", right, "org", createBody());

        assertThat(wrongAnswer.getException()).isInstanceOfSatisfying(QuayAccessDeniedException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS));
        assertThat(rightAgain.getException()).isNull();
        assertThat(callsTo("POST", SIGN_IN)).extracting(RecordedCall::status).containsExactly(200, 403);
        assertThat(callsTo("GET", MIRROR)).hasSize(1);
        assertThat(quay.mirrorConfig("org")).isPresent();
    }

    @Test
    void concurrentCallsOfOneLoginShareOneSignIn() throws Exception {
        QuayConnection alice = passwordConnection("alice", ALICE_PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Exchange> read = () -> call("quay-get-organization", alice, "org", null);
            List<Future<Exchange>> answers = pool.invokeAll(List.of(read, read, read, read));
            for (Future<Exchange> answer : answers) {
                assertThat(answer.get().getException()).isNull();
                assertThat(bodyMap(answer.get())).containsEntry("is_admin", true);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(callsTo("POST", SIGN_IN)).hasSize(1);
        assertThat(callsTo("GET", "/api/v1/organization/org")).hasSize(4);
    }

    @Test
    void twoUsersOfOneQuayKeepTheirOwnSessions() {
        QuayConnection alice = passwordConnection("alice", ALICE_PASSWORD);
        QuayConnection bob = passwordConnection("bob", BOB_PASSWORD);

        succeed("quay-get-org-mirror", alice, "org", null);
        Exchange bobOnOrg = call("quay-sync-now", bob, "org", null);
        Exchange aliceOnOrg = call("quay-create-org-mirror", alice, "org", createBody());
        Exchange bobOnOther = call("quay-get-organization", bob, "other", null);

        assertThat(bobOnOrg.getException()).isInstanceOfSatisfying(QuayAccessDeniedException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NOT_ORG_ADMIN));
        assertThat(aliceOnOrg.getException()).isNull();
        assertThat(bodyMap(bobOnOther)).containsEntry("is_admin", true);
        assertThat(callsTo("POST", SIGN_IN)).hasSize(2);
        assertThat(quay.calls()).allSatisfy(c -> assertThat(c.headers().getOrDefault("Cookie", List.of())).hasSizeLessThan(2));
    }

    @Test
    void signsOutWhenCamelStops() {
        succeed("quay-get-org-mirror", passwordConnection("alice", ALICE_PASSWORD), "org", null);

        context.stop();

        List<RecordedCall> signOuts = callsTo("POST", "/api/v1/signout");
        assertThat(signOuts).hasSize(1);
        assertThat(signOuts.get(0).header("Cookie")).contains("_csrf_token=" + RecordedCall.MASK);
        assertThat(signOuts.get(0).header("X-CSRF-Token")).isPresent();
        assertThat(signOuts.get(0).status()).isBetween(200, 299);
        assertThat(capturedLog()).contains("Signed out of Quay baseUri=" + quay.baseUri() + " username=alice");
    }

    @Test
    void failedSignOutAtShutdownIsNotRedelivered() {
        succeed("quay-get-org-mirror", passwordConnection("alice", ALICE_PASSWORD), "org", null);
        quay.failNext(FaultSpec.forPath("/api/v1/signout").method("POST").times(5).status(503));

        context.stop();

        assertThat(callsTo("POST", "/api/v1/signout")).extracting(RecordedCall::status).containsExactly(503);
        assertThat(capturedLog()).contains("Sign-out from Quay failed baseUri=" + quay.baseUri() + " username=alice");
    }
}
