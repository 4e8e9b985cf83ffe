package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.fakequay.FakeQuay;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.fakequay.ValidCreateBody;
import io.github.quayorgmirror.testing.CapturedLog;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The real {@code routes/quay-api.camel.yaml} against the fake Quay: organization {@code org} with robot
 * {@code org+syncrobot}, admin {@code alice} (password and org:admin token), non-admin {@code bob}. Every test
 * captures the log and fails if a token or password of the fake shows up in it.
 */
@Timeout(60)
abstract class QuayRoutesTestBase {

    static final String ROUTES = "camel.main.routesIncludePattern=file:routes/quay-api.camel.yaml";
    static final String NO_MANAGEMENT_PORT = "camel.management.enabled=false";
    static final String FAST_REDELIVERY = "orgmirror.quay.redelivery.delay=20";
    static final String MAX_DELAY = "orgmirror.quay.redelivery.maximum-delay=3000";
    static final String REDELIVERIES = "orgmirror.quay.redelivery.maximum-redeliveries=3";
    static final String ALICE_PASSWORD = "alice-Secret-Pw-1";
    static final String BOB_PASSWORD = "bob-Secret-Pw-2";

    @BeanInject
    CamelContext context;

    FakeQuay quay;
    String aliceToken;
    String bobToken;
    private CapturedLog log;

    FakeQuay startFake() {
        return FakeQuay.startHttp();
    }

    @BeforeEach
    void startFakeAndCaptureLog() {
        log = CapturedLog.start();

        quay = startFake();
        quay.addOrganization("org");
        quay.addOrganization("other");
        quay.addUser("alice", ALICE_PASSWORD);
        quay.addUser("bob", BOB_PASSWORD);
        quay.makeOrgAdmin("org", "alice");
        quay.makeOrgAdmin("other", "bob");
        quay.addRobot("org", "syncrobot");
        aliceToken = quay.addToken("alice", "org:admin", "repo:read");
        bobToken = quay.addToken("bob", "org:admin", "repo:read");
    }

    @AfterEach
    void stopFakeAndCheckLog() {
        quay.close();
        log.close();
        assertThat(log.text()).as("captured log").isNotEmpty()
                .doesNotContain(aliceToken, bobToken, ALICE_PASSWORD, BOB_PASSWORD);
    }

    String capturedLog() {
        return log.text();
    }

    QuayConnection tokenConnection(String token) {
        return connection(quay.baseUri(), true, new QuayConnection.Credentials.Token(token));
    }

    QuayConnection passwordConnection(String username, String password) {
        return connection(quay.baseUri(), true, new QuayConnection.Credentials.UsernamePassword(username, password));
    }

    static QuayConnection connection(URI baseUri, boolean validateCerts, QuayConnection.Credentials credentials) {
        return new QuayConnection(baseUri, validateCerts, Duration.ofSeconds(2), credentials);
    }

    /** Sends to {@code direct:<route>} with the contract's properties; the answer exchange carries body or exception. */
    Exchange call(String route, QuayConnection connection, String organization, Object body) {
        return callWith(route, connection, organization, exchange -> exchange.getMessage().setBody(body));
    }

    Exchange callWith(String route, QuayConnection connection, String organization, Consumer<Exchange> more) {
        ProducerTemplate template = context.createProducerTemplate();
        return template.send("direct:" + route, exchange -> {
            exchange.setProperty("quayConnection", connection);
            exchange.setProperty("quayOrganization", organization);
            more.accept(exchange);
        });
    }

    /** Like {@link #call} but fails on an exception. */
    Exchange succeed(String route, QuayConnection connection, String organization, Object body) {
        Exchange answer = call(route, connection, organization, body);
        assertThat(answer.getException()).as(route).isNull();
        return answer;
    }

    /** The answer body (a JSON object) with String keys. */
    static Map<String, Object> bodyMap(Exchange answer) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        Map<?, ?> body = answer.getMessage().getBody(Map.class);
        body.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    List<RecordedCall> callsTo(String method, String path) {
        return quay.calls().stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    static Map<String, Object> createBody() {
        Map<String, Object> body = ValidCreateBody.startingAt("2026-01-01T00:00:00Z");
        body.put("external_registry_password", "source-registry-pw");
        return body;
    }
}
