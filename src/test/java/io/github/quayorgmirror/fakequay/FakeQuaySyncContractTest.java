package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract statements 44–52: sync-now, sync-cancel, the worker simulation, verify and the repositories list. */
class FakeQuaySyncContractTest extends FakeQuayTestBase {

    private static Instant time(JsonNode value) {
        return Instant.parse(value.asText());
    }

    @Test
    void statement44_syncNowWithoutConfigIs404() throws IOException {
        QuayTestClient.Reply reply = alice().post(MIRROR + "/sync-now", null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error_type").asText()).isEqualTo("not_found");
    }

    @Test
    void statement45_syncNowWhileDiscoveryRunsIs400() throws IOException {
        createMirror(validCreate());
        quay.setSyncStatus("org", "SYNCING");
        QuayTestClient.Reply reply = alice().post(MIRROR + "/sync-now", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).isEqualTo("Cannot trigger sync: discovery is currently in progress.");
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_status", "SYNCING");
    }

    @Test
    void statement46_syncNowWhileRepositoriesAreActiveIs400() throws IOException {
        createMirror(validCreate());
        for (String active : List.of("SYNCING", "SYNC_NOW", "NEVER_RUN", "FAIL")) {
            quay.addDiscoveredRepository("org", "repo", active, 2);
            QuayTestClient.Reply reply = alice().post(MIRROR + "/sync-now", null);
            assertThat(reply.status()).as(active).isEqualTo(400);
            assertThat(reply.errorMessage()).as(active).startsWith("Cannot trigger sync: repositories are still syncing.");
        }
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_status", "NEVER_RUN");
        quay.addDiscoveredRepository("org", "repo", "FAIL", 0);
        quay.addDiscoveredRepository("org", "done", "SUCCESS");
        quay.addDiscoveredRepository("org", "gone", "SKIP");
        quay.addDiscoveredRepository("org", "stopped", "CANCEL");
        assertThat(alice().post(MIRROR + "/sync-now", null).status()).isEqualTo(204);
    }

    @Test
    void statement47_syncNowSchedulesImmediatelyEvenWhenDisabled() throws IOException {
        createMirror(validCreate("is_enabled", false));
        alice().post(MIRROR + "/sync-cancel", null);
        QuayTestClient.Reply reply = alice().post(MIRROR + "/sync-now", null);
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        JsonNode got = alice().get(MIRROR).json();
        assertThat(got.get("sync_status").asText()).isEqualTo("SYNC_NOW");
        assertThat(time(got.get("sync_start_date"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(got.get("sync_expiration_date").isNull()).isTrue();
        assertThat(got.get("sync_retries_remaining").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(got.get("is_enabled").booleanValue()).isFalse();
        assertThat(alice().post(MIRROR + "/sync-now", null).status()).isEqualTo(204);
    }

    @Test
    void statement48_syncCancelKeepsStartDate() throws IOException {
        createMirror(validCreate());
        QuayTestClient.Reply reply = alice().post(MIRROR + "/sync-cancel", null);
        assertThat(reply.status()).isEqualTo(204);
        JsonNode got = alice().get(MIRROR).json();
        assertThat(got.get("sync_status").asText()).isEqualTo("CANCEL");
        assertThat(got.get("sync_retries_remaining").asInt()).isZero();
        assertThat(got.get("sync_expiration_date").isNull()).isFalse();
        assertThat(got.get("sync_start_date").asText()).isEqualTo("2024-01-01T00:00:00Z");
        for (String status : List.of("SYNCING", "SYNC_NOW", "SUCCESS", "FAIL")) {
            quay.setSyncStatus("org", status);
            assertThat(alice().post(MIRROR + "/sync-cancel", null).status()).as(status).isEqualTo(204);
        }
    }

    @Test
    void statement49_cancelWhenCancelledIs400() throws IOException {
        createMirror(validCreate());
        alice().post(MIRROR + "/sync-cancel", null);
        QuayTestClient.Reply again = alice().post(MIRROR + "/sync-cancel", null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorMessage()).isEqualTo("Cannot cancel: mirror is already cancelled");
    }

    @Test
    void statement50_workerProcessesCancelAndDueConfigsButNeverDisabledOnes() throws IOException {
        createMirror(validCreate("repository_filters", List.of("app*")));
        quay.scriptSourceRepositories("org", List.of("app-one", "app-two", "tools"));
        quay.simulateWorker("org");
        JsonNode afterRun = alice().get(MIRROR).json();
        assertThat(afterRun.get("sync_status").asText()).isEqualTo("SUCCESS");
        assertThat(time(afterRun.get("sync_start_date"))).isAfter(Instant.now());
        assertThat(afterRun.at("/repo_sync_status_counts/SUCCESS").asInt()).isEqualTo(2);
        assertThat(quay.repositories("org")).containsOnlyKeys("app-one", "app-two");

        quay.addDiscoveredRepository("org", "app-three", "SYNCING");
        alice().post(MIRROR + "/sync-cancel", null);
        quay.simulateWorker("org");
        JsonNode afterCancel = alice().get(MIRROR).json();
        assertThat(afterCancel.get("sync_status").asText()).isEqualTo("SUCCESS");
        assertThat(time(afterCancel.get("sync_start_date"))).isAfter(Instant.now());
        assertThat(afterCancel.at("/repo_sync_status_counts/CANCEL").asInt()).isEqualTo(3);

        alice().put(MIRROR, "{\"is_enabled\": false}");
        alice().post(MIRROR + "/sync-now", null);
        quay.simulateWorker("org");
        assertThat(alice().get(MIRROR).json().get("sync_status").asText()).isEqualTo("SYNC_NOW");
        alice().put(MIRROR, "{\"is_enabled\": true}");
        quay.scriptSourceRepositories("org", List.of("app-one"));
        quay.simulateWorker("org");
        JsonNode rerun = alice().get(MIRROR).json();
        assertThat(rerun.get("sync_status").asText()).isEqualTo("SUCCESS");
        assertThat(rerun.at("/repo_sync_status_counts/SUCCESS").asInt()).isEqualTo(1);
        assertThat(rerun.at("/repo_sync_status_counts/SKIP").asInt()).isEqualTo(2);
    }

    @Test
    void statement50_workerDiscoveryFailureUsesRetries() throws IOException {
        createMirror(validCreate());
        quay.scriptDiscoveryFailure("org", "Connection error");
        quay.simulateWorker("org");
        JsonNode failed = alice().get(MIRROR).json();
        assertThat(failed.get("sync_status").asText()).isEqualTo("FAIL");
        assertThat(failed.get("sync_retries_remaining").asInt()).isEqualTo(2);
        assertThat(failed.get("sync_start_date").asText()).isEqualTo("2024-01-01T00:00:00Z");
        quay.simulateWorker("org");
        quay.simulateWorker("org");
        JsonNode exhausted = alice().get(MIRROR).json();
        assertThat(exhausted.get("sync_retries_remaining").asInt()).isEqualTo(3);
        assertThat(time(exhausted.get("sync_start_date"))).isAfter(Instant.now());
    }

    @Test
    void statement51_verifyReturnsScriptedResult() throws IOException {
        assertThat(alice().post(MIRROR + "/verify", null).status()).isEqualTo(404);
        createMirror(validCreate());
        QuayTestClient.Reply ok = alice().post(MIRROR + "/verify", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("success").booleanValue()).isTrue();
        assertThat(ok.json().get("message").asText()).isEqualTo("Connection successful");
        quay.scriptVerify("org", false, "Authentication failed");
        QuayTestClient.Reply failed = alice().post(MIRROR + "/verify", null);
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().get("success").booleanValue()).isFalse();
        assertThat(failed.json().get("message").asText()).isEqualTo("Authentication failed");
    }

    @Test
    void statement52_repositoriesListIsPagedSortedAndFiltered() throws IOException {
        assertThat(alice().get(MIRROR + "/repositories").status()).isEqualTo(404);
        createMirror(validCreate());
        for (String name : List.of("zeta", "alpha", "mid")) {
            quay.addDiscoveredRepository("org", name, "SUCCESS");
        }
        quay.addDiscoveredRepository("org", "beta", "FAIL", 0);
        JsonNode all = alice().get(MIRROR + "/repositories").json();
        assertThat(all.get("repositories").findValuesAsText("name")).containsExactly("alpha", "beta", "mid", "zeta");
        assertThat(all.get("page").asInt()).isEqualTo(1);
        assertThat(all.get("limit").asInt()).isEqualTo(100);
        assertThat(all.get("total").asInt()).isEqualTo(4);
        assertThat(all.get("has_next").booleanValue()).isFalse();
        assertThat(all.at("/repositories/0/quay_repository").asText()).isEqualTo("org/alpha");
        JsonNode page2 = alice().get(MIRROR + "/repositories?page=2&limit=3").json();
        assertThat(page2.get("repositories").findValuesAsText("name")).containsExactly("zeta");
        assertThat(alice().get(MIRROR + "/repositories?page=1&limit=3").json().get("has_next").booleanValue()).isTrue();
        assertThat(alice().get(MIRROR + "/repositories?limit=1000").json().get("limit").asInt()).isEqualTo(500);
        QuayTestClient.Reply bogus = alice().get(MIRROR + "/repositories?status=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.errorMessage()).isEqualTo("Invalid status filter 'bogus'. Valid values: "
                + "CANCEL, FAIL, NEVER_RUN, SUCCESS, SYNCING, SYNC_NOW, SKIP");
        JsonNode success = alice().get(MIRROR + "/repositories?status=success").json();
        assertThat(success.get("total").asInt()).isEqualTo(3);
        assertThat(success.get("repositories").findValuesAsText("sync_status")).containsOnly("SUCCESS");
    }
}
