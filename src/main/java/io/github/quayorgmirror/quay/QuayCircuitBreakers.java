package io.github.quayorgmirror.quay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;

/**
 * Bean {@code quayCircuitBreakers}: one {@link QuayCircuitBreaker} per Quay host, asked by {@code quay-call} right
 * before each call ({@link #admit}) and told its outcome right after ({@link #record}). A dead Quay then costs a few
 * timeouts, not one per call of every mirror. Hand-written: camel-resilience4j's EIP has one breaker per route
 * node, not per host. State as gauge {@code orgmirror_quay_circuit_open{host}} (the host is no secret and
 * bounded by the number of Quays).
 */
public class QuayCircuitBreakers extends RegistryAwareBean {

    public static final String OPEN_GAUGE = "orgmirror.quay.circuit.open";

    private final Map<String, QuayCircuitBreaker> byHost = new ConcurrentHashMap<>();
    private final int failureThreshold;
    private final Duration openDuration;
    private final LongSupplier nanoClock;
    private final Clock clock;

    public QuayCircuitBreakers(int failureThreshold, Duration openDuration, LongSupplier nanoClock, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("orgmirror.quay.circuit-breaker.failure-threshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
        this.nanoClock = nanoClock;
        this.clock = clock;
    }

    public void admit(Exchange exchange) throws QuayCircuitOpenException {
        QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
        QuayCircuitBreaker breaker = breaker(host(connection));
        Duration wait = breaker.admit(nanoClock.getAsLong());
        if (wait != null) {
            QuayRequest request = QuayCall.request(exchange);
            throw new QuayCircuitOpenException(request.operation().tag(), "Quay at " + connection.baseUri()
                    + " is not answering (" + breaker.lastFailure() + "): calls to it are paused (circuit breaker"
                    + " open); the next attempt is at " + clock.instant().plus(wait).truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /** After the call: an answer below 500 closes the circuit; no answer or a 5xx counts towards opening it. */
    public void record(Exchange exchange) {
        QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
        QuayCall.Attempt attempt = QuayCall.of(exchange).attempt();
        Integer status = attempt.status;
        QuayCircuitBreaker breaker = breaker(host(connection));
        Exception failure = attempt.ioFailure;
        if (status != null && status < 500) {
            breaker.succeeded();
        } else if (status != null) {
            breaker.failed(nanoClock.getAsLong(), "HTTP " + status);
        } else if (failure != null && !QuayIoFailure.isUntrustedCertificate(failure)) {
            // an untrusted certificate is Quay answering: its own message says what to do, the breaker stays out
            breaker.failed(nanoClock.getAsLong(), QuayIoFailure.describe(failure));
        }
    }

    /** The host has answered, and its latest call got an answer below 500: it is no dead or failing Quay. */
    public boolean answering(String host) {
        QuayCircuitBreaker breaker = byHost.get(host);
        return breaker != null && breaker.answering();
    }

    private QuayCircuitBreaker breaker(String host) {
        return byHost.computeIfAbsent(host, key -> {
            QuayCircuitBreaker created = new QuayCircuitBreaker(failureThreshold, openDuration);
            MeterRegistry meters = meterRegistry();
            if (meters != null) {
                Gauge.builder(OPEN_GAUGE, created, b -> b.isOpen() ? 1 : 0).tag("host", key)
                        .description("1 while calls to this Quay host fail fast (circuit breaker open)")
                        .register(meters);
            }
            return created;
        });
    }

    /** Host and port: one breaker per Quay, whatever the path prefix or credentials. */
    static String host(QuayConnection connection) {
        int port = connection.baseUri().getPort();
        return connection.baseUri().getHost() + (port < 0 ? "" : ":" + port);
    }
}
