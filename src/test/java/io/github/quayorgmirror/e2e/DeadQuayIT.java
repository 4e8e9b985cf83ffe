package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.SilentServer;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault suite: a Quay that accepts connections and never answers costs its own mirrors only, and only so long. */
class DeadQuayIT {

    private static final String DEAD_SECRET = "dead-quay";

    private ControllerHarness harness;
    private SilentServer deadQuay;

    @BeforeEach
    void start() {
        harness = ControllerHarness.startWithTokenSecret();
        deadQuay = new SilentServer();
    }

    @AfterEach
    void stop() {
        harness.close();
        deadQuay.close();
    }

    @Test
    void aHealthyMirrorIsReadyWithinSecondsWhileSixMirrorsWaitOnADeadQuay() {
        deadQuaySecret("10");
        harness.startController();
        for (int i = 1; i <= 6; i++) {
            harness.create(onDeadQuay("dead-" + i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> deadQuay.connections() >= 2);

        harness.applySample();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var resource = harness.mirror("organizationmirror-sample");
            return resource != null && ControllerHarness.isReady(resource);
        });
    }

    @Test
    void aDeadQuayOpensItsCircuitBreakerAndTheStatusSaysWhenTheNextAttemptIs() {
        deadQuaySecret("1");
        Main controller = harness.startController(Map.of("orgmirror.quay.circuit-breaker.open-duration", "1m"));

        harness.create(onDeadQuay("dead"));

        Condition ready = harness.awaitCondition("dead", Condition.READY, "False", "QuayCircuitOpen");
        assertThat(ready.message()).contains("is not answering").contains("the next attempt is at 20");
        assertThat(deadQuay.connections()).as("the calls that opened it, then none").isEqualTo(5);
        assertThat(ControllerHarness.meters(controller).get("orgmirror.quay.circuit.open")
                .tag("host", deadQuay.baseUri().getAuthority()).gauge().value())
                .isEqualTo(1.0);
    }

    @Test
    void aPassEndsAtItsDeadlineWhateverRedeliveriesAreLeft() {
        deadQuaySecret("2");
        harness.startController(Map.of("orgmirror.reconcile.pass-deadline", "3s",
                "orgmirror.quay.redelivery.maximum-redeliveries", "4",
                "orgmirror.quay.circuit-breaker.failure-threshold", "100",
                "orgmirror.queue.backoff-initial", "1m", "orgmirror.queue.backoff-max", "1m"));

        // created holding the finalizer: no finalizer write wakes a second pass meanwhile
        harness.create(onDeadQuay("dead").replace("  name: dead\n",
                "  name: dead\n  finalizers: [\"" + MirrorResource.FINALIZER + "\"]\n"));

        Condition ready = harness.awaitCondition("dead", Condition.READY, "False", "PassDeadlineExceeded");
        assertThat(ready.message()).contains("orgmirror.reconcile.pass-deadline");
        assertThat(deadQuay.connections()).as("two attempts of 2s fit in 3s, not the five allowed").isEqualTo(2);
    }

    private void deadQuaySecret(String timeoutSeconds) {
        harness.kube().createSecret(NAMESPACE, DEAD_SECRET, Map.of("host", deadQuay.baseUri().toString(),
                "token", "token-of-a-dead-quay", "timeout", timeoutSeconds));
    }

    private static String onDeadQuay(String name) {
        return FailuresAndRecoveryIT.sampleWith("organization", name).replace("name: sample", "name: " + name)
                .replace("productionmirror+syncrobot", name + "+syncrobot")
                .replace("name: quay-credentials-secret", "name: " + DEAD_SECRET);
    }
}
