package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.quay.QuayAccessDeniedException.Kind;
import io.github.quayorgmirror.quay.QuayNotFoundException.Missing;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/** Permanent refusals: typed, explained, and never redelivered. */
@CamelMainTest(configurationClasses = {QuayConfiguration.class, NoLeaderElection.class}, properties = {QuayRoutesTestBase.ROUTES,
        QuayRoutesTestBase.NO_MANAGEMENT_PORT, QuayRoutesTestBase.FAST_REDELIVERY, QuayRoutesTestBase.MAX_DELAY,
        QuayRoutesTestBase.REDELIVERIES})
class QuayFailureRoutesIT extends QuayRoutesTestBase {

    private static final String MIRROR = "/api/v1/organization/org/mirror";

    @Test
    void badRequestIsRejectedWithQuayMessageAndNotRetried() {
        Map<String, Object> body = createBody();
        body.put("skopeo_timeout", 5000);

        Exchange answer = call("quay-create-org-mirror", tokenConnection(aliceToken), "org", body);

        assertThat(answer.getException()).isInstanceOfSatisfying(QuayRejectedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.operation()).isEqualTo("quay-create-org-mirror");
            assertThat(e.getMessage()).endsWith(": 5000 is greater than the maximum of 3600");
        });
        assertThat(callsTo("POST", MIRROR)).hasSize(1);
        assertThat(quay.mirrorConfig("org")).isEmpty();
    }

    @Test
    void aRedirectIsNotFollowedAndNamesWhereItPoints() {
        quay.failNext(FaultSpec.forPath(MIRROR).method("PUT").status(301)
                .location("https://quay.example.com/api/v1/organization/org/mirror?next=x"));

        Exchange answer = call("quay-update-org-mirror", tokenConnection(aliceToken), "org", Map.of("is_enabled", false));

        assertThat(answer.getException()).isInstanceOfSatisfying(QuayRejectedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(301);
            assertThat(e.getMessage()).contains("redirected quay-update-org-mirror (HTTP 301) to "
                    + "https://quay.example.com/api/v1/organization/org/mirror:")
                    .contains("not Quay's API address").doesNotContain("next=x");
        });
        assertThat(callsTo("PUT", MIRROR)).hasSize(1);
    }

    @Test
    void secondCreateIsRejectedAsAlreadyExisting() {
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        Exchange answer = call("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        assertThat(answer.getException()).isInstanceOf(QuayRejectedException.class)
                .hasMessageContaining("Mirror configuration already exists for this organization");
    }

    @Test
    void userWhoIsNotOrgAdminIsForbidden() {
        Exchange answer = call("quay-create-org-mirror", tokenConnection(bobToken), "org", createBody());

        assertThat(answer.getException()).isInstanceOfSatisfying(QuayAccessDeniedException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.NOT_ORG_ADMIN);
            assertThat(e.reason()).isEqualTo(ConditionReason.QuayForbidden);
            assertThat(e.getMessage()).contains("not an administrator of organization org");
        });
        assertThat(callsTo("POST", MIRROR)).hasSize(1);
        assertThat(callsTo("GET", "/api/v1/organization/org")).hasSize(1);
    }

    @Test
    void adminTokenWithoutOrgAdminScopeIsMissingScope() {
        String readOnly = quay.addToken("alice", "repo:read");

        Exchange answer = call("quay-sync-now", tokenConnection(readOnly), "org", null);

        assertThat(answer.getException()).isInstanceOfSatisfying(QuayAccessDeniedException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.MISSING_SCOPE);
            assertThat(e.getMessage()).contains("org:admin");
        });
    }

    @Test
    void unknownTokenIsBadCredentials() {
        Exchange read = call("quay-get-org-mirror", tokenConnection("no-such-token"), "org", null);
        Exchange write = call("quay-sync-now", tokenConnection("no-such-token"), "org", null);

        assertThat(read.getException()).isInstanceOfSatisfying(QuayAccessDeniedException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS));
        assertThat(write.getException()).isInstanceOfSatisfying(QuayAccessDeniedException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
            assertThat(e.getMessage()).contains("unknown or expired");
        });
        assertThat(quay.calls()).extracting(RecordedCall::status).containsExactly(401, 403);
    }

    @Test
    void missingOrganizationIsNotFoundEvenWhenQuayAnswers403() {
        Exchange answer = call("quay-create-org-mirror", tokenConnection(aliceToken), "ghost", createBody());

        assertThat(answer.getException()).isInstanceOfSatisfying(QuayNotFoundException.class, e -> {
            assertThat(e.missing()).isEqualTo(Missing.ORGANIZATION);
            assertThat(e.getMessage()).contains("Organization ghost does not exist");
        });
    }

    @Test
    void syncOfAMissingMirrorIsMirrorNotFound() {
        Exchange answer = call("quay-sync-now", tokenConnection(aliceToken), "org", null);

        assertThat(answer.getException()).isInstanceOfSatisfying(QuayNotFoundException.class, e -> {
            assertThat(e.missing()).isEqualTo(Missing.MIRROR);
            assertThat(e.reason()).isEqualTo(ConditionReason.MirrorNotFound);
        });
        assertThat(callsTo("POST", MIRROR + "/sync-now")).hasSize(1);
    }

    @Test
    void syncNowWhileDiscoveryRunsIsRejected() {
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        quay.setSyncStatus("org", "SYNCING");

        Exchange answer = call("quay-sync-now", tokenConnection(aliceToken), "org", null);

        assertThat(answer.getException()).isInstanceOf(QuayRejectedException.class)
                .hasMessageEndingWith("Cannot trigger sync: discovery is currently in progress.");
    }
}
