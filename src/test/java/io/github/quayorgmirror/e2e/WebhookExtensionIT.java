package io.github.quayorgmirror.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worked example of docs/extending.md, run as an integrator would install it. */
class WebhookExtensionIT {

    private ControllerHarness harness;
    private HttpServer receiver;
    private final List<Map<String, Object>> notifications = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> json = new ObjectMapper().readValue(body, Map.class);
            notifications.add(json);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        harness = ControllerHarness.startWithTokenSecret();
        harness.startController(Map.of(
                "camel.main.routesExcludePattern", "file:routes/extensions.camel.yaml",
                "camel.main.routesIncludePattern", "file:routes/*.yaml,file:docs/examples/extensions-webhook.camel.yaml",
                "orgmirror.webhook.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
    }

    @AfterEach
    void stop() {
        harness.close();
        receiver.stop(0);
    }

    @Test
    void aFailedReconcilePostsTheFailureToTheWebhook() {
        harness.create(FailuresAndRecoveryIT.sampleWith("skopeoTimeout", "2h"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !notifications.isEmpty());

        assertThat(notifications.get(0)).containsEntry("resource", "default/sample")
                .containsEntry("namespace", "default").containsEntry("name", "sample")
                .containsEntry("reason", "InvalidSpec").containsEntry("permanent", true);
        assertThat((String) notifications.get(0).get("message")).contains("spec.skopeoTimeout");
        assertThat(contentTypes.get(0)).startsWith("application/json");
    }
}
