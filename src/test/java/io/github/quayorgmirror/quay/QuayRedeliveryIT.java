package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/** Retryable failures are redelivered by Camel (each one a new HTTP request at the fake), then typed. */
@CamelMainTest(configurationClasses = {QuayConfiguration.class, NoLeaderElection.class}, properties = {QuayRoutesTestBase.ROUTES,
        QuayRoutesTestBase.NO_MANAGEMENT_PORT, QuayRoutesTestBase.FAST_REDELIVERY, QuayRoutesTestBase.MAX_DELAY,
        QuayRoutesTestBase.REDELIVERIES})
class QuayRedeliveryIT extends QuayRoutesTestBase {

    private static final String MIRROR = "/api/v1/organization/org/mirror";

    @Test
    void threeServerErrorsThenSuccessResendsTheRequest() {
        quay.failNext(FaultSpec.forPath(MIRROR).method("POST").times(3).status(503));

        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());

        assertThat(callsTo("POST", MIRROR)).extracting(RecordedCall::status).containsExactly(503, 503, 503, 201);
        assertThat(callsTo("POST", MIRROR)).allSatisfy(call -> assertThat(call.bodyJson().orElseThrow())
                .containsEntry("external_namespace", "upstream"));
        assertThat(quay.mirrorConfig("org")).isPresent();
        MeterRegistry meters = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        assertThat(meters.counter(QuayMetrics.REQUESTS, "operation", "quay-create-org-mirror", "status", "503").count())
                .isEqualTo(3.0);
        assertThat(meters.counter(QuayMetrics.REQUESTS, "operation", "quay-create-org-mirror", "status", "201").count())
                .isEqualTo(1.0);
        assertThat(meters.counter(QuayMetrics.REDELIVERIES, "operation", "quay-create-org-mirror").count())
                .isEqualTo(3.0);
    }

    @Test
    void spentRedeliveriesBecomeQuayUnavailable() {
        quay.failNext(FaultSpec.forPath(MIRROR).method("GET").times(10).status(502));

        Exchange answer = call("quay-get-org-mirror", tokenConnection(aliceToken), "org", null);

        assertThat(answer.getException()).isInstanceOfSatisfying(QuayUnavailableException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.statusCode()).isEqualTo(502);
            assertThat(e.getMessage()).isEqualTo("Quay at " + quay.baseUri()
                    + " is unavailable (quay-get-org-mirror, 4 attempts): HTTP 502");
        });
        assertThat(callsTo("GET", MIRROR)).hasSize(4);
    }

    @Test
    void aCreateThatFindsAConfigurationIsTypedForAdoptionRedeliveredOrNot() {
        // the first POST went through in Quay, yet its answer was lost to the caller (here: a 503 instead)
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        quay.clearCalls();
        quay.failNext(FaultSpec.forPath(MIRROR).method("POST").times(1).status(503));

        Exchange answer = call("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());

        assertThat(callsTo("POST", MIRROR)).extracting(RecordedCall::status).containsExactly(503, 400);
        assertThat(answer.getException()).isInstanceOfSatisfying(QuayMirrorExistsException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).contains("Mirror configuration already exists for this organization",
                    "an earlier attempt of this create probably went through");
        });
        Exchange notRedelivered = call("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());
        assertThat(notRedelivered.getException()).isInstanceOfSatisfying(QuayMirrorExistsException.class,
                e -> assertThat(e.getMessage()).contains("created meanwhile"));
    }

    @Test
    void rateLimitWaitsForRetryAfter() {
        quay.failNext(FaultSpec.forPath(MIRROR).method("GET").times(1).status(429).retryAfterSeconds(1));

        long started = System.nanoTime();
        Exchange answer = succeed("quay-get-org-mirror", tokenConnection(aliceToken), "org", null);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.getProperty("quayMirrorExists", Boolean.class)).isFalse();
        assertThat(callsTo("GET", MIRROR)).extracting(RecordedCall::status).containsExactly(429, 404);
        // the backoff alone would have waited 20 ms
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void droppedConnectionIsRetried() {
        quay.failNext(FaultSpec.forPath(MIRROR + "/sync-cancel").method("POST").times(1).dropConnection());
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());

        succeed("quay-sync-cancel", tokenConnection(aliceToken), "org", null);

        assertThat(callsTo("POST", MIRROR + "/sync-cancel")).extracting(RecordedCall::status).containsExactly(0, 204);
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_status", "CANCEL");
        MeterRegistry meters = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        assertThat(meters.counter(QuayMetrics.REQUESTS, "operation", "quay-sync-cancel", "status", "io_error").count())
                .isEqualTo(1.0);
    }

    @Test
    void responseTimeoutIsRetried() {
        quay.failNext(FaultSpec.forPath(MIRROR).method("GET").times(1).delay(Duration.ofSeconds(3)));

        Exchange answer = succeed("quay-get-org-mirror", tokenConnection(aliceToken), "org", null);

        assertThat(answer.getProperty("quayMirrorExists", Boolean.class)).isFalse();
        assertThat(quay.faultsFired()).isEqualTo(1);
        assertThat(callsTo("GET", MIRROR)).extracting(RecordedCall::status).endsWith(404);
        // the slow answer was given up at the connection's timeout, and the GET sent again
        MeterRegistry meters = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        assertThat(meters.counter(QuayMetrics.REQUESTS, "operation", "quay-get-org-mirror", "status", "io_error").count())
                .isEqualTo(1);
        assertThat(meters.counter(QuayMetrics.REDELIVERIES, "operation", "quay-get-org-mirror").count()).isEqualTo(1);
    }

    @Test
    void refusedConnectionEndsAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        QuayConnection nowhere = connection(URI.create("http://127.0.0.1:" + closedPort), true,
                new QuayConnection.Credentials.Token(aliceToken));

        Exchange answer = call("quay-get-org-mirror", nowhere, "org", null);

        assertThat(answer.getException()).isInstanceOf(QuayUnavailableException.class)
                .hasMessage("Quay at http://127.0.0.1:" + closedPort
                        + " is unavailable (quay-get-org-mirror, 4 attempts): connection refused");
    }

    @Test
    void onlyTheIntendedHeadersReachQuay() {
        succeed("quay-create-org-mirror", tokenConnection(aliceToken), "org", createBody());

        Exchange answer = callWith("quay-update-org-mirror", tokenConnection(aliceToken), "org", exchange -> {
            exchange.getMessage().setBody(java.util.Map.of("sync_interval", 7200));
            exchange.getMessage().setHeader("X-Internal-State", "must-not-leak");
            exchange.getMessage().setHeader("quayOrganization", "must-not-leak");
            exchange.getMessage().setHeader("Authorization", "Basic must-not-leak");
        });

        assertThat(answer.getException()).isNull();
        RecordedCall put = callsTo("PUT", MIRROR).get(0);
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(put.headers().keySet());
        assertThat(names).containsExactlyInAnyOrder("Accept", "Accept-Encoding", "Authorization", "Connection",
                "Content-Length", "Content-Type", "Host", "User-Agent");
        assertThat(put.header("Authorization")).contains("Bearer " + RecordedCall.MASK);
        assertThat(put.query()).as("endpoint options never reach Quay").isNullOrEmpty();
        assertThat(put.headers().values().toString()).doesNotContain("must-not-leak");
    }
}
