package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.reconcile.SyncRequestSteps;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sync-now and sync-cancel on request, by annotation: once per new value, postponed while Quay syncs. */
class SyncRequestIT extends HarnessTestBase {

    static final String SAMPLE = "organizationmirror-sample";
    static final String MIRROR_PATH = "/api/v1/organization/" + ORGANIZATION + "/mirror";

    @BeforeEach
    void prepare() {
        harness.startController();
        harness.applySample();
        harness.awaitReady(SAMPLE);
    }

    @Test
    void eachNewValueTriggersOneSyncAnUnchangedValueNoneAndARunningSyncPostponesIt() {
        annotate(SyncRequestSteps.REQUESTED_SYNC, "1");
        await().atMost(Duration.ofSeconds(10)).until(() -> "1".equals(harness.status(SAMPLE).lastHandledSyncRequest()));
        assertThat(accepted("/sync-now")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.events("Normal", SAMPLE).stream()
                .anyMatch(event -> event.startsWith("SyncTriggered: ") && event.contains("requested-sync=1")));

        // the same value on a pass caused by another change: nothing
        int readsBefore = harness.quay().calls("GET", MIRROR_PATH).size();
        annotate("unrelated", "touched");
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.quay().calls("GET", MIRROR_PATH).size() > readsBefore);
        harness.awaitReady(SAMPLE);
        assertThat(harness.quay().calls("POST", MIRROR_PATH + "/sync-now")).hasSize(1);

        // a new value while Quay runs discovery: refused, kept, asked again until Quay accepts it
        harness.quay().setSyncStatus(ORGANIZATION, "SYNCING");
        annotate(SyncRequestSteps.REQUESTED_SYNC, "2");
        harness.awaitCondition(SAMPLE, Condition.RECONCILING, "True", "SyncPending");
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.quay().calls("POST", MIRROR_PATH + "/sync-now")
                .stream().filter(call -> call.status() == 400).count() >= 2);
        assertThat(harness.status(SAMPLE).lastHandledSyncRequest()).isEqualTo("1");
        harness.quay().setSyncStatus(ORGANIZATION, "SUCCESS");

        await().atMost(Duration.ofSeconds(15)).until(() -> "2".equals(harness.status(SAMPLE).lastHandledSyncRequest()));
        harness.awaitCondition(SAMPLE, Condition.RECONCILING, "False", null);
        assertThat(accepted("/sync-now")).hasSize(2);
    }

    @Test
    void eachNewCancelValueCancelsOnce() {
        annotate(SyncRequestSteps.REQUESTED_SYNC_CANCEL, "a");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "a".equals(harness.status(SAMPLE).lastHandledSyncCancelRequest()));
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow()).containsEntry("sync_status", "CANCEL");

        int readsBefore = harness.quay().calls("GET", MIRROR_PATH).size();
        annotate("unrelated", "touched");
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.quay().calls("GET", MIRROR_PATH).size() > readsBefore);
        harness.awaitReady(SAMPLE);
        assertThat(harness.quay().calls("POST", MIRROR_PATH + "/sync-cancel")).as("sent once, refused or not")
                .hasSize(1);
    }

    private List<RecordedCall> accepted(String operation) {
        return harness.quay().calls("POST", MIRROR_PATH + operation).stream().filter(call -> call.status() == 204)
                .toList();
    }

    private void annotate(String name, String value) {
        harness.edit(SAMPLE, resource -> {
            Map<String, String> annotations = resource.getMetadata().getAnnotations() == null ? new HashMap<>()
                    : new HashMap<>(resource.getMetadata().getAnnotations());
            annotations.put(name, value);
            resource.getMetadata().setAnnotations(annotations);
        });
    }
}
