package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Fault injection: injected statuses, Retry-After, delays that do not block others, dropped connections. */
class FakeQuayFaultsTest extends FakeQuayTestBase {

    @Test
    void injected503ThreeTimesThenRealAnswer() throws IOException {
        createMirror(validCreate());
        quay.failNext(FaultSpec.forPath(MIRROR).method("GET").times(3).status(503).retryAfterSeconds(1));
        for (int i = 0; i < 3; i++) {
            QuayTestClient.Reply reply = alice().get(MIRROR);
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.headers().firstValue("Retry-After")).contains("1");
        }
        QuayTestClient.Reply real = alice().get(MIRROR);
        assertThat(real.status()).isEqualTo(200);
        assertThat(real.json().get("sync_status").asText()).isEqualTo("NEVER_RUN");
        assertThat(quay.calls()).extracting(RecordedCall::status).containsSubsequence(503, 503, 503, 200);
    }

    @Test
    void faultOnlyHitsMatchingMethodAndPath() throws IOException {
        quay.failNext(FaultSpec.forPath(MIRROR).method("GET").status(500));
        assertThat(alice().post(MIRROR, json(validCreate())).status()).isEqualTo(201);
        assertThat(alice().get(MIRROR + "/repositories").status()).isEqualTo(200);
        assertThat(alice().get(MIRROR).status()).isEqualTo(500);
        assertThat(alice().get(MIRROR).status()).isEqualTo(200);
    }

    @Test
    void injectedBodyIsSentVerbatim() throws IOException {
        quay.failNext(FaultSpec.forPath("*").status(429).retryAfterSeconds(7).body("{\"message\": \"slow down\"}"));
        QuayTestClient.Reply reply = alice().get("/api/v1/organization/org");
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.json().get("message").asText()).isEqualTo("slow down");
        assertThat(reply.headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void delayedRequestDoesNotBlockOthers() throws Exception {
        quay.failNext(FaultSpec.forPath(MIRROR).method("GET").delay(Duration.ofSeconds(3)));
        long start = System.nanoTime();
        CompletableFuture<QuayTestClient.Reply> delayed = CompletableFuture.supplyAsync(() -> {
            try {
                return alice().get(MIRROR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> quay.faultsFired() == 1);
        long otherStart = System.nanoTime();
        assertThat(anonymous().get("/config").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - otherStart)).isLessThan(Duration.ofSeconds(2));
        assertThat(delayed).isNotDone();
        QuayTestClient.Reply reply = delayed.get(10, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void droppedConnectionSurfacesAsIoException() throws IOException {
        createMirror(validCreate());
        quay.failNext(FaultSpec.forPath(MIRROR).method("PUT").dropConnection());
        assertThatThrownBy(() -> alice().put(MIRROR, "{\"sync_interval\": 7200}")).isInstanceOf(IOException.class);
        assertThat(quay.calls()).last().satisfies(c -> {
            assertThat(c.method()).isEqualTo("PUT");
            assertThat(c.status()).isZero();
        });
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_interval", 3600L);
        assertThat(alice().put(MIRROR, "{\"sync_interval\": 7200}").status()).isEqualTo(200);
    }

    @Test
    void clearFaultsDisarmsEverything() throws IOException {
        quay.failNext(FaultSpec.forPath("*").times(5).status(503));
        quay.clearFaults();
        assertThat(anonymous().get("/config").status()).isEqualTo(200);
    }
}
