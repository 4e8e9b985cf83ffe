package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.observe.ControllerStatus;
import io.github.quayorgmirror.observe.DeferredManagementAgent;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.ManagementMBeansLevel;
import org.apache.camel.ManagementStatisticsLevel;
import org.apache.camel.main.Main;
import org.apache.camel.spi.ManagementAgent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What operators watch: Prometheus metrics, health probes and JMX, scraped from a running controller. */
class ObservabilityIT extends HarnessTestBase {

    private int port;
    private Main controller;

    @BeforeEach
    void prepare() {
        port = ControllerHarness.freePort();
        controller = harness.startController(Map.of("camel.management.port", String.valueOf(port)));
    }

    @Test
    void metricsNameTheControllersWorkWithLowCardinalityLabels() throws Exception {
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/observe/metrics").body())
                .contains("orgmirror_resources{ready=\"true\"} 1.0"));
        String metrics = get("/observe/metrics").body();
        assertThat(metrics)
                .containsPattern("orgmirror_reconciles_total\\{.*result=\"success\".*} [1-9]")
                .contains("orgmirror_reconcile_duration_seconds_count")
                .contains("orgmirror_workqueue_depth")
                .contains("orgmirror_workqueue_wait_seconds_count")
                .containsPattern("orgmirror_quay_requests_total\\{.*operation=\"quay-create-org-mirror\".*status=\"201\"")
                .contains("orgmirror_leader 1.0")
                .contains("orgmirror_informer_healthy{informer=\"organizationmirrors\"} 1.0")
                .contains("camel_exchanges_total")
                .doesNotContain("organizationmirror-sample")
                .doesNotContain(harness.token());
    }

    @Test
    void healthIsUpWhenSyncedAndQuayTroubleForOneResourceDoesNotMakeThePodUnready() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/observe/health/ready").statusCode() == 200);
        assertThat(get("/observe/health/live").statusCode()).isEqualTo(200);

        harness.quay().failNext(FaultSpec.forPath("/api/v1/organization/" + ORGANIZATION + "/mirror").times(1000)
                .status(503));
        harness.applySample();

        harness.awaitCondition("organizationmirror-sample", Condition.READY, "False", "QuayUnavailable");
        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(200);
        // still ready after more failed passes, and the metrics tell the story
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/observe/metrics").body())
                .contains("orgmirror_resources{ready=\"false\"} 1.0")
                // a new resource is created without a read first: its POST is what Quay keeps refusing
                .containsPattern("orgmirror_quay_redeliveries_total\\{operation=\"quay-create-org-mirror\"} [1-9]")
                .containsPattern("orgmirror_reconciles_total\\{.*result=\"failed\".*} [2-9]"));
        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("/observe/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void jmxShowsCamelAndTheControllersOwnState() throws Exception {
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName controller = new ObjectName(ControllerStatus.OBJECT_NAME);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.getAttribute(controller,
                "ResourcesReady")).isEqualTo(1));
        assertThat(server.getAttribute(controller, "Leader")).isEqualTo(true);
        assertThat(server.getAttribute(controller, "ManagedResources")).isEqualTo(1);
        assertThat((Long) server.getAttribute(controller, "ReconcilesProcessed")).isPositive();
        // Camel's MBeans come once the controller is ready
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                server.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null))
                .anyMatch(name -> name.toString().contains("orgmirror-reconcile")));
        assertThat(server.queryNames(new ObjectName("org.apache.camel:type=processors,*"), null)).isEmpty();
    }

    @Test
    void camelsJmxSettingsApplyToTheAgentThatHoldsItsMBeansUntilReady() {
        ManagementAgent agent = controller.getCamelContext().getManagementStrategy().getManagementAgent();

        assertThat(agent).isInstanceOf(DeferredManagementAgent.class);
        // application.properties: camel.main.jmxManagementMBeansLevel, camel.main.jmxManagementStatisticsLevel
        assertThat(agent.getMBeansLevel()).isEqualTo(ManagementMBeansLevel.RoutesOnly);
        assertThat(agent.getStatisticsLevel()).isEqualTo(ManagementStatisticsLevel.RoutesOnly);
        assertThat(agent.getMBeanServer()).isSameAs(ManagementFactory.getPlatformMBeanServer());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
