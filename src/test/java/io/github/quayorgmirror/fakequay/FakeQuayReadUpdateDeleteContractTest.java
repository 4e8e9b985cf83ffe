package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract statements 29–43: read, update and delete. */
class FakeQuayReadUpdateDeleteContractTest extends FakeQuayTestBase {

    static final List<String> GET_KEYS = List.of("is_enabled", "external_registry_type", "external_registry_url",
            "external_namespace", "external_registry_username", "has_external_registry_password",
            "external_registry_config", "repository_filters", "robot_username", "visibility", "sync_interval",
            "sync_start_date", "sync_expiration_date", "sync_status", "sync_retries_remaining",
            "repo_sync_status_counts", "skopeo_timeout", "creation_date");

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void statement29_getWithoutConfigIs404NotFound() throws IOException {
        QuayTestClient.Reply reply = alice().get(MIRROR);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error_type").asText()).isEqualTo("not_found");
    }

    @Test
    void statement30_getReturnsExactlyTheDocumentedKeysAndNoPassword() throws IOException {
        Map<String, Object> body = validCreate("external_registry_username", "puller");
        body.put("external_registry_password", "hunter2");
        createMirror(body);
        JsonNode got = alice().get(MIRROR).json();
        assertThat(keys(got)).containsExactlyInAnyOrderElementsOf(GET_KEYS);
        assertThat(got.has("external_registry_password")).isFalse();
        assertThat(got.toString()).doesNotContain("hunter2");
        assertThat(got.get("has_external_registry_password").booleanValue()).isTrue();
        assertThat(got.get("external_registry_username").asText()).isEqualTo("puller");
    }

    @Test
    void statement31_repoSyncStatusCountsHasAllSevenKeys() throws IOException {
        createMirror(validCreate());
        JsonNode empty = alice().get(MIRROR).json().get("repo_sync_status_counts");
        assertThat(keys(empty)).containsExactlyInAnyOrderElementsOf(MirrorConfig.REPO_STATUSES);
        empty.forEach(count -> assertThat(count.asInt()).isZero());
        quay.addDiscoveredRepository("org", "a", "SUCCESS");
        quay.addDiscoveredRepository("org", "b", "SUCCESS");
        quay.addDiscoveredRepository("org", "c", "SKIP");
        JsonNode counts = alice().get(MIRROR).json().get("repo_sync_status_counts");
        assertThat(counts.get("SUCCESS").asInt()).isEqualTo(2);
        assertThat(counts.get("SKIP").asInt()).isEqualTo(1);
        assertThat(counts.get("FAIL").asInt()).isZero();
        assertThat(keys(counts)).hasSize(7);
    }

    @Test
    void statement32_registryConfigIsEchoedVerbatim() throws IOException {
        createMirror(validCreate("external_registry_config", Map.of("verify_tls", true)));
        assertThat(alice().get(MIRROR).json().get("external_registry_config").toString()).isEqualTo("{\"verify_tls\":true}");
        String full = "{\"verify_tls\":false,\"proxy\":{\"http_proxy\":null,\"https_proxy\":\"http://p:3128\",\"no_proxy\":null}}";
        alice().put(MIRROR, "{\"external_registry_config\": " + full + "}");
        assertThat(alice().get(MIRROR).json().get("external_registry_config").toString()).isEqualTo(full);
    }

    @Test
    void statement33_timestampsEndInZAndApiValuesHaveNoFraction() throws IOException {
        createMirror(validCreate());
        JsonNode got = alice().get(MIRROR).json();
        assertThat(got.get("creation_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?Z");
        assertThat(got.get("sync_start_date").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(got.get("sync_expiration_date").isNull()).isTrue();
        alice().post(MIRROR + "/sync-cancel", null);
        assertThat(alice().get(MIRROR).json().get("sync_expiration_date").asText())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?Z");
    }

    @Test
    void statement34_putWithoutConfigIs404AndEmptyPutChangesNothing() throws IOException {
        QuayTestClient.Reply missing = alice().put(MIRROR, "{}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error_type").asText()).isEqualTo("not_found");
        Map<String, Object> before = createMirror(validCreate());
        QuayTestClient.Reply empty = alice().put(MIRROR, "{}");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().textValue()).isEmpty();
        assertThat(quay.mirrorConfig("org")).contains(before);
    }

    @Test
    void statement35_putChangesOnlySuppliedKeys() throws IOException {
        Map<String, Object> before = createMirror(validCreate());
        assertThat(alice().put(MIRROR, "{\"sync_interval\": 7200}").status()).isEqualTo(200);
        Map<String, Object> after = quay.mirrorConfig("org").orElseThrow();
        assertThat(after).containsEntry("sync_interval", 7200L)
                .containsEntry("external_registry_url", before.get("external_registry_url"));
        after.put("sync_interval", before.get("sync_interval"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void statement36_putIgnoresRegistryType() throws IOException {
        createMirror(validCreate());
        QuayTestClient.Reply reply = alice().put(MIRROR, "{\"external_registry_type\": \"harbor\", \"visibility\": \"public\"}");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode got = alice().get(MIRROR).json();
        assertThat(got.get("external_registry_type").asText()).isEqualTo("quay");
        assertThat(got.get("visibility").asText()).isEqualTo("public");
    }

    @Test
    void statement37_emptyOrNullCredentialsClearOmittedKeep() throws IOException {
        Map<String, Object> body = validCreate("external_registry_username", "puller");
        body.put("external_registry_password", "pw");
        createMirror(body);
        alice().put(MIRROR, "{\"sync_interval\": 120}");
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("external_registry_username", "puller")
                .containsEntry("has_external_registry_password", true);
        alice().put(MIRROR, "{\"external_registry_username\": \"\", \"external_registry_password\": null}");
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("external_registry_username", null)
                .containsEntry("has_external_registry_password", false);
        assertThat(quay.storedPassword("org")).isEmpty();
        alice().put(MIRROR, "{\"external_registry_username\": \"u2\", \"external_registry_password\": \"pw2\"}");
        alice().put(MIRROR, "{\"external_registry_username\": null, \"external_registry_password\": \"\"}");
        assertThat(alice().get(MIRROR).json().get("external_registry_username").isNull()).isTrue();
        assertThat(quay.storedPassword("org")).isEmpty();
    }

    @Test
    void statement38_registryConfigAndFiltersAreReplacedWhole() throws IOException {
        Map<String, Object> body = validCreate("external_registry_config",
                Map.of("verify_tls", false, "proxy", Map.of("http_proxy", "http://p:3128")));
        body.put("repository_filters", List.of("app-*", "lib-?"));
        createMirror(body);
        alice().put(MIRROR, "{\"external_registry_config\": {\"verify_tls\": true}, \"repository_filters\": [\"x*\"]}");
        JsonNode got = alice().get(MIRROR).json();
        assertThat(got.get("external_registry_config").toString()).isEqualTo("{\"verify_tls\":true}");
        assertThat(got.get("repository_filters").toString()).isEqualTo("[\"x*\"]");
    }

    @Test
    void statement39_invalidPutChangesNothing() throws IOException {
        Map<String, Object> before = createMirror(validCreate());
        List<String> bodies = List.of(
                "{\"sync_interval\": 7200, \"robot_username\": \"org+nosuch\"}",
                "{\"sync_interval\": 7200, \"robot_username\": \"other+otherbot\"}",
                "{\"sync_interval\": 7200, \"sync_start_date\": \"2026-01-01T00:00:00.5Z\"}",
                "{\"sync_interval\": 7200, \"skopeo_timeout\": 5000}",
                "{\"sync_interval\": 7200, \"external_registry_url\": \"http://10.0.0.1\"}",
                "{\"is_enabled\": false, \"external_namespace\": \"x\", \"visibility\": \"PUBLIC\"}");
        for (String body : bodies) {
            assertThat(alice().put(MIRROR, body).status()).as(body).isEqualTo(400);
            assertThat(quay.mirrorConfig("org")).as(body).contains(before);
        }
    }

    @Test
    void statement40_putNullStartDateIs400() throws IOException {
        createMirror(validCreate());
        QuayTestClient.Reply reply = alice().put(MIRROR, "{\"sync_start_date\": null}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).startsWith("None is not of type 'string'");
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_start_date", "2024-01-01T00:00:00Z");
    }

    @Test
    void statement41_putIsAcceptedWhileSyncing() throws IOException {
        createMirror(validCreate());
        quay.setSyncStatus("org", "SYNCING");
        assertThat(alice().put(MIRROR, "{\"sync_interval\": 600}").status()).isEqualTo(200);
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_interval", 600L)
                .containsEntry("sync_status", "SYNCING");
    }

    @Test
    void statement42_deleteIs204ThenGone() throws IOException {
        createMirror(validCreate());
        QuayTestClient.Reply deleted = alice().delete(MIRROR);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(alice().get(MIRROR).status()).isEqualTo(404);
        QuayTestClient.Reply again = alice().delete(MIRROR);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error_type").asText()).isEqualTo("not_found");
    }

    @Test
    void statement43_deleteKeepsMirroredRepositoriesSoRecreateFails() throws IOException {
        createMirror(validCreate());
        quay.scriptSourceRepositories("org", List.of("app", "lib"));
        quay.simulateWorker("org");
        assertThat(quay.repositories("org")).containsEntry("app", "ORG_MIRROR").containsEntry("lib", "ORG_MIRROR");
        assertThat(alice().delete(MIRROR).status()).isEqualTo(204);
        assertThat(quay.repositories("org")).containsEntry("app", "NORMAL").containsEntry("lib", "NORMAL");
        QuayTestClient.Reply recreate = alice().post(MIRROR, json(validCreate()));
        assertThat(recreate.status()).isEqualTo(400);
        assertThat(recreate.errorMessage()).contains("already contains repositories");
    }
}
