package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.fakequay.RecordedCall;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/**
 * What the caller (and an integrator's extension route) gets back from a Quay route, failed or not, holds no
 * credential: no Authorization, Cookie or X-CSRF-Token header, no request body with a password, no session.
 */
@CamelMainTest(configurationClasses = {QuayConfiguration.class, NoLeaderElection.class}, properties = {QuayRoutesTestBase.ROUTES,
        QuayRoutesTestBase.NO_MANAGEMENT_PORT, QuayRoutesTestBase.FAST_REDELIVERY, QuayRoutesTestBase.MAX_DELAY,
        QuayRoutesTestBase.REDELIVERIES})
class QuayExchangeHygieneIT extends QuayRoutesTestBase {

    private static final String MIRROR = "/api/v1/organization/org/mirror";
    private static final String SOURCE_PASSWORD = "source-registry-pw";

    @Test
    void droppedConnectionWithTokenLeavesNoCredential() {
        quay.failNext(FaultSpec.forPath(MIRROR).method("POST").times(10).dropConnection());

        Exchange answer = call("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());

        assertThat(answer.getException()).isInstanceOf(QuayUnavailableException.class);
        assertThat(callsTo("POST", MIRROR)).extracting(RecordedCall::status).containsOnly(0).hasSize(4);
        assertNoCredentialLeft(answer);
    }

    @Test
    void droppedConnectionWithSessionLeavesNoCredential() {
        quay.failNext(FaultSpec.forPath(MIRROR).method("POST").times(10).dropConnection());

        Exchange answer = call("quay-create-org-mirror", passwordConnection("alice", ALICE_PASSWORD), "org",
                createBody());

        assertThat(answer.getException()).isInstanceOf(QuayUnavailableException.class);
        assertThat(callsTo("POST", MIRROR)).allSatisfy(call -> assertThat(call.header("Cookie")).isPresent());
        assertNoCredentialLeft(answer);
    }

    @Test
    void successfulCallLeavesNoCredential() {
        Exchange create = succeed("quay-create-org-mirror", passwordConnection("alice", ALICE_PASSWORD), "org",
                createBody());
        Exchange read = succeed("quay-get-org-mirror", tokenConnection(aliceToken), "org", null);

        assertNoCredentialLeft(create);
        assertNoCredentialLeft(read);
        assertThat(read.getProperty("quayMirrorExists", Boolean.class)).isTrue();
    }

    @Test
    void refusedSignInLeavesNoRequestBody() {
        Exchange answer = call("quay-create-org-mirror", passwordConnection("alice", "wrong-password"), "org",
                createBody());

        assertThat(answer.getException()).isInstanceOf(QuayAccessDeniedException.class);
        assertThat(callsTo("POST", MIRROR)).isEmpty();
        assertNoCredentialLeft(answer);
        assertThat(String.valueOf(answer.getMessage().getBody())).doesNotContain("wrong-password");
    }

    @Test
    void camelMasksWhatItLogsItself() {
        assertThat(context.isLogMask()).as("camel.main.logMask from application.properties").isTrue();
        succeed("quay-get-org-mirror", tokenConnection(aliceToken), "org", null);
    }

    private void assertNoCredentialLeft(Exchange answer) {
        String[] secrets = {aliceToken, ALICE_PASSWORD, SOURCE_PASSWORD};
        assertThat(answer.getMessage().getHeaders().keySet()).as("headers")
                .allSatisfy(name -> assertThat(name).startsWith("Camel"))
                .noneMatch(name -> List.of("authorization", "cookie", "x-csrf-token").contains(name.toLowerCase()));
        assertThat(String.valueOf(answer.getMessage().getBody())).as("body").doesNotContain(secrets);
        assertThat(answer.getProperties().values()).noneMatch(QuaySession.class::isInstance);
        assertThat(answer.getProperties().values().toString()).doesNotContain(secrets);
        QuayCall call = QuayCall.of(answer);
        assertThat(call.request().json()).as("request body").isNull();
        assertThat(call.attempt().sessionUsed).as("session").isNull();
        assertThat(call.attempt().answerHeaders).as("answer headers").isEmpty();
    }
}
