package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.time.Duration;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** What the Quay can do, from its GET /config: feature flags and version, read once per Quay and ttl. */
class QuayCapabilitiesIT extends HarnessTestBase {

    static final String SAMPLE = "organizationmirror-sample";

    @Test
    void orgMirrorOffStallsNamingTheFeatureAndTheQuayAndItsRetriesDoNotCallQuay() {
        harness.quay().setOrgMirrorFeature(false);
        Main controller = harness.startController();
        harness.applySample();

        Condition stalled = harness.awaitCondition(SAMPLE, Condition.STALLED, "True", "QuayFeatureDisabled");
        assertThat(stalled.message()).contains("FEATURE_ORG_MIRROR is off in the Quay at " + harness.quay().baseUri())
                .doesNotContain("does not exist");
        long passes = ControllerHarness.queue(controller).processedCount();
        // stalled retries every 3 s in the tests: two more passes, no more Quay calls
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ControllerHarness.queue(controller).processedCount() >= passes + 2);
        assertThat(harness.quay().calls()).extracting(call -> call.method() + " " + call.path())
                .containsExactly("GET /config");
    }

    @Test
    void aFeatureTurnedOffLaterIsFoundOnTheNextNotFoundFromTheMirrorApi() {
        harness.startController();
        harness.applySample();
        harness.awaitReady(SAMPLE);

        harness.quay().setOrgMirrorFeature(false);
        harness.editSpec(SAMPLE, "syncInterval", "3d");

        Condition stalled = harness.awaitCondition(SAMPLE, Condition.STALLED, "True", "QuayFeatureDisabled");
        assertThat(stalled.message()).contains("FEATURE_ORG_MIRROR is off").doesNotContain("does not exist");
        assertThat(harness.quay().calls("GET", "/config")).hasSize(2);
        assertThat(harness.events("Warning", SAMPLE)).as("found in the pass that met the 404, not on a later retry")
                .noneMatch(event -> event.startsWith("MirrorNotFound"));
    }

    @Test
    void repoMirrorOffAppliesTheConfigurationButIsNotReady() {
        harness.quay().setRepoMirrorFeature(false);
        harness.startController();
        harness.applySample();

        Condition stalled = harness.awaitCondition(SAMPLE, Condition.STALLED, "True", "QuayRepoMirrorDisabled");
        assertThat(stalled.message()).contains("FEATURE_REPO_MIRROR is off", "applied");
        assertThat(harness.condition(SAMPLE, Condition.READY).status()).isEqualTo("False");
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isPresent();
        assertThat(harness.status(SAMPLE).existInQuay()).isTrue();
    }

    @Test
    void aQuayOlderThan317IsRefusedNamingItsVersion() {
        harness.quay().simulateVersionWithoutOrgMirror("Quay 3.16.3");
        harness.startController();
        harness.applySample();

        Condition stalled = harness.awaitCondition(SAMPLE, Condition.STALLED, "True", "QuayVersionUnsupported");
        assertThat(stalled.message()).contains("version 3.16.3", "Quay 3.17 or later");
        assertThat(harness.quay().calls()).extracting(call -> call.method() + " " + call.path())
                .containsOnly("GET /config");
    }

    @Test
    void aQuayWithoutTheOrgMirrorApiAndNoVersionIsStillNamedAsTooOld() {
        harness.quay().simulateVersionWithoutOrgMirror("");
        harness.startController();
        harness.applySample();

        Condition stalled = harness.awaitCondition(SAMPLE, Condition.STALLED, "True", "QuayVersionUnsupported");
        assertThat(stalled.message()).contains("no organization mirror API", "Quay 3.17 or later");
    }
}
