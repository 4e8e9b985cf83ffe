package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quay's verification of the source registry: on create and on a change of URL or credentials only. */
class RegistryVerificationIT extends HarnessTestBase {

    static final String SAMPLE = "organizationmirror-sample";
    static final String VERIFY_PATH = "/api/v1/organization/" + ORGANIZATION + "/mirror/verify";

    @BeforeEach
    void prepare() {
        harness.quay().allowHost("mirror.example.com");
    }

    @Test
    void aFailedVerificationIsReportedWithoutBlockingAndIsNotRepeatedUntilTheRegistryChanges() {
        harness.quay().scriptVerify(ORGANIZATION, false, "Authentication failed: invalid API token or credentials");
        harness.startController(Map.of("orgmirror.watch.resync-period", "1s"));
        harness.applySample();

        harness.awaitReady(SAMPLE);
        Condition verified = harness.awaitCondition(SAMPLE, Condition.REGISTRY_VERIFIED, "False", "VerificationFailed");
        assertThat(verified.message()).contains("Authentication failed: invalid API token or credentials");
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.events("Warning", SAMPLE).stream()
                .anyMatch(event -> event.startsWith("RegistryVerificationFailed: ")
                        && event.contains("Authentication failed")));

        // resyncs with nothing changed: Quay is read again, never asked to verify again
        int readsBefore = harness.quay().calls("GET", "/api/v1/organization/" + ORGANIZATION + "/mirror").size();
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay()
                .calls("GET", "/api/v1/organization/" + ORGANIZATION + "/mirror").size() >= readsBefore + 3);
        assertThat(harness.quay().calls("POST", VERIFY_PATH)).hasSize(1);

        harness.quay().scriptVerify(ORGANIZATION, true, "Connection successful");
        harness.editSpec(SAMPLE, "externalRegistryUrl", "https://mirror.example.com");

        verified = harness.awaitCondition(SAMPLE, Condition.REGISTRY_VERIFIED, "True", "Verified");
        assertThat(verified.message()).contains("Connection successful");
        assertThat(harness.quay().calls("POST", VERIFY_PATH)).hasSize(2);
        assertThat(harness.condition(SAMPLE, Condition.READY).status()).isEqualTo("True");
        // the recovery is an Event; a first verification that succeeds is only the condition (next test)
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.events("Normal", SAMPLE).stream()
                .anyMatch(event -> event.startsWith("RegistryVerified: ") && event.contains("Connection successful")));
    }

    @Test
    void aVerificationQuayCouldNotAnswerIsAskedAgainOnTheNextPass() {
        // every attempt of the first verification fails (503, redeliveries spent)
        harness.quay().failNext(FaultSpec.forPath(VERIFY_PATH).times(5).status(503));
        harness.startController(Map.of("orgmirror.watch.resync-period", "1s"));
        harness.applySample();

        harness.awaitCondition(SAMPLE, Condition.REGISTRY_VERIFIED, "Unknown", "VerificationNotDone");
        Condition verified = harness.awaitCondition(SAMPLE, Condition.REGISTRY_VERIFIED, "True", "Verified");
        assertThat(verified.message()).contains("Quay reached the source registry");
        assertThat(harness.quay().calls("POST", VERIFY_PATH)).filteredOn(call -> call.status() == 200).hasSize(1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> harness.events("Normal", SAMPLE)
                .stream().noneMatch(event -> event.startsWith("RegistryVerified: ")));
    }
}
