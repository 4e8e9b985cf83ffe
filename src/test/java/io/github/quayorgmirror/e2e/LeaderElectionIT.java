package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.queue.KeyedWorkQueue;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** Two replicas against one API server and one Quay: exactly one reconciles; the other takes over. */
class LeaderElectionIT extends HarnessTestBase {

    @Test
    void onlyTheLeaderReconcilesAndTheOtherTakesOverWhenItStops() {
        Main first = harness.startController(ControllerHarness.replica("replica-a"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ControllerHarness.leads(first));
        Main second = harness.startController(ControllerHarness.replica("replica-b"));

        harness.applySample();
        harness.awaitReady("organizationmirror-sample");

        assertThat(ControllerHarness.leads(second)).isFalse();
        // what operators watch: the leader gauge (the PrometheusRule's leader alert) tells the two apart
        assertThat(leaderGauge(first)).isEqualTo(1.0);
        assertThat(leaderGauge(second)).isEqualTo(0.0);
        assertThat(reconcileRoute(second)).isEqualTo(ServiceStatus.Stopped);
        assertThat(queue(second).processedCount()).as("the standby reconciled nothing").isZero();
        assertThat(queue(first).processedCount()).isPositive();

        harness.stopController(first);
        harness.editSpec("organizationmirror-sample", "syncInterval", "4d");
        // drift made in Quay itself while nobody leads: no Kubernetes event tells anyone
        driftVisibilityInQuay("private");

        await().atMost(Duration.ofSeconds(30)).until(() -> ControllerHarness.leads(second));
        assertThat(leaderGauge(second)).isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(345600).equals(
                harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("sync_interval")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "public".equals(
                harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("visibility")));
        harness.awaitReady("organizationmirror-sample");
        assertThat(harness.quay().calls()).filteredOn(call -> call.method().equals("POST")
                && call.path().endsWith("/mirror")).hasSize(1);
    }

    private void driftVisibilityInQuay(String visibility) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    harness.quay().baseUri().resolve("/api/v1/organization/" + ORGANIZATION + "/mirror"))
                    .header("Authorization", "Bearer " + harness.token())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"visibility\":\"" + visibility + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow()).containsEntry("visibility", visibility);
    }

    private static double leaderGauge(Main main) {
        return ControllerHarness.meters(main).get("orgmirror.leader").gauge().value();
    }

    private static ServiceStatus reconcileRoute(Main main) {
        return main.getCamelContext().getRouteController().getRouteStatus("orgmirror-reconcile");
    }

    private static KeyedWorkQueue queue(Main main) {
        return ControllerHarness.queue(main);
    }
}
