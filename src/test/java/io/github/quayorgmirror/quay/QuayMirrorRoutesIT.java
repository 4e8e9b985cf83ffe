package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.model.QuayMirrorState;
import io.github.quayorgmirror.quay.mapping.MirrorStateAfterWrite;
import io.github.quayorgmirror.status.QuayView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/** Every Quay route with a bearer token, asserting on the fake's stored state and on the recorded requests. */
@CamelMainTest(configurationClasses = {QuayConfiguration.class, NoLeaderElection.class}, properties = {QuayRoutesTestBase.ROUTES,
        QuayRoutesTestBase.NO_MANAGEMENT_PORT, QuayRoutesTestBase.FAST_REDELIVERY, QuayRoutesTestBase.MAX_DELAY,
        QuayRoutesTestBase.REDELIVERIES})
class QuayMirrorRoutesIT extends QuayRoutesTestBase {

    private static final String MIRROR = "/api/v1/organization/org/mirror";

    @Test
    void createsMirrorWithTheMapAsJsonBody() {
        Exchange answer = succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());

        assertThat(answer.getMessage().getBody()).isNull();
        Map<String, Object> stored = quay.mirrorConfig("org").orElseThrow();
        assertThat(stored).containsEntry("external_namespace", "upstream").containsEntry("sync_interval", 3600L)
                .containsEntry("robot_username", "org+syncrobot").containsEntry("has_external_registry_password", true);
        assertThat(quay.storedPassword("org")).contains("source-registry-pw");
        RecordedCall post = callsTo("POST", MIRROR).get(0);
        assertThat(post.status()).isEqualTo(201);
        assertThat(post.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(post.bodyJson().orElseThrow()).containsEntry("visibility", "private")
                .containsEntry("sync_start_date", "2026-01-01T00:00:00Z");
    }

    @Test
    void readsMirrorStateOrAbsence() {
        Exchange absent = succeed("quay-get-org-mirror", tokenConnection(aliceToken), "org", null);
        assertThat(absent.getMessage().getBody()).isNull();
        assertThat(absent.getProperty("quayMirrorExists", Boolean.class)).isFalse();

        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        Exchange present = succeed("quay-get-org-mirror", tokenConnection(aliceToken), "org", null);
        assertThat(present.getProperty("quayMirrorExists", Boolean.class)).isTrue();
        QuayMirrorState state = present.getMessage().getBody(QuayMirrorState.class);
        assertThat(state.syncStatus()).isEqualTo("NEVER_RUN");
        assertThat(state.skopeoTimeout()).isEqualTo(300);
        assertThat(state.hasExternalRegistryPassword()).isTrue();
        assertThat(state.repoSyncStatusCounts()).containsKeys("CANCEL", "FAIL", "NEVER_RUN", "SUCCESS", "SYNCING",
                "SYNC_NOW", "SKIP");
    }

    @Test
    void updatesOnlyTheKeysSent() {
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        succeed("quay-update-org-mirror", tokenConnection(aliceToken), "org", Map.of("sync_interval", 7200));

        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_interval", 7200L)
                .containsEntry("external_registry_url", "https://quay.io");
        assertThat(callsTo("PUT", MIRROR).get(0).bodyJson().orElseThrow()).isEqualTo(Map.of("sync_interval", 7200));
    }

    @Test
    void theStateDerivedFromACreateIsWhatQuayThenShows() {
        Map<String, Object> body = createBody();
        body.put("external_registry_username", "");
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", body);

        QuayMirrorState read = read();
        QuayMirrorState derived = MirrorStateAfterWrite.afterCreate(body);
        assertThat(derived).usingRecursiveComparison().ignoringFields("creationDate", "syncExpirationDate")
                .isEqualTo(read);
        assertThat(QuayView.of(derived)).as("what the status shows").isEqualTo(QuayView.of(read));
    }

    @Test
    void theStateDerivedFromAnUpdateIsWhatQuayThenShows() {
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        QuayMirrorState before = read();
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("external_registry_type", "harbor");
        update.put("sync_interval", 7200);
        update.put("is_enabled", false);
        update.put("sync_start_date", "2026-02-01T10:00:00Z");
        update.put("external_registry_username", "");
        update.put("external_registry_password", null);
        update.put("repository_filters", List.of("app-*"));
        update.put("external_registry_config", Map.of("verify_tls", false));
        update.put("skopeo_timeout", 600);
        succeed("quay-update-org-mirror", tokenConnection(aliceToken), "org", update);

        QuayMirrorState read = read();
        QuayMirrorState derived = MirrorStateAfterWrite.afterUpdate(before, update);
        assertThat(derived).usingRecursiveComparison().isEqualTo(read);
        assertThat(derived.externalRegistryType()).as("ignored by Quay on update").isEqualTo("quay");
        assertThat(QuayView.of(derived)).isEqualTo(QuayView.of(read));
    }

    private QuayMirrorState read() {
        return succeed("quay-get-org-mirror", tokenConnection(aliceToken), "org", null).getMessage()
                .getBody(QuayMirrorState.class);
    }

    @Test
    void deletesAndToleratesAnAlreadyGoneMirror() {
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        succeed("quay-delete-org-mirror", tokenConnection(aliceToken), "org", null);
        assertThat(quay.mirrorConfig("org")).isEmpty();

        Exchange again = succeed("quay-delete-org-mirror", tokenConnection(aliceToken), "org", null);
        assertThat(again.getMessage().getBody()).isNull();
        assertThat(callsTo("DELETE", MIRROR)).extracting(RecordedCall::status).containsExactly(204, 404);
    }

    @Test
    void triggersAndCancelsSync() {
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        succeed("quay-sync-now", tokenConnection(aliceToken), "org", null);
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_status", "SYNC_NOW");

        succeed("quay-sync-cancel", tokenConnection(aliceToken), "org", null);
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_status", "CANCEL");
        assertThat(callsTo("POST", MIRROR + "/sync-now").get(0).body()).isEmpty();
    }

    @Test
    void verifiesTheStoredConfig() {
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        quay.scriptVerify("org", false, "Authentication failed");

        Exchange answer = succeed("quay-verify-org-mirror", tokenConnection(aliceToken), "org", null);
        assertThat(bodyMap(answer)).containsEntry("success", false)
                .containsEntry("message", "Authentication failed");
    }

    @Test
    void readsOrganization() {
        Exchange org = succeed("quay-get-organization", tokenConnection(aliceToken), "org", null);
        assertThat(bodyMap(org)).containsEntry("name", "org").containsEntry("is_admin", true);

    }
}
