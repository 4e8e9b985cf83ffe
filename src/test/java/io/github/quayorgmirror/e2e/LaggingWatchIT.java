package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.queue.KeyedWorkQueue;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import io.github.quayorgmirror.testing.MockKubernetes;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watch that feeds the informer cache lags behind our own writes, and another event (the
 * connection Secret changing) wakes the resource before the cache has seen them: the pass must still
 * work on what it last wrote, not repeat what it already did.
 */
class LaggingWatchIT extends HarnessTestBase {

    private static final String NAME = "organizationmirror-sample";
    private static final String MIRRORS = MockKubernetes.mirrorsPath(null);
    private static final String MIRROR_PATH = "/api/v1/organization/" + ORGANIZATION + "/mirror";
    /** Long enough for the test to make the watch lag while the pass waits on Quay. */
    private static final Duration QUAY_DELAY = Duration.ofSeconds(1);

    private Main controller;

    @BeforeEach
    void prepare() {
        // no timed retry of a stalled resource: only the Secret event below starts another pass
        controller = harness.startController(Map.of("orgmirror.reconcile.stalled-retry", "1h"));
    }

    @Test
    void aForcedSyncIsAskedOnceEvenWhenTheCacheHasNotSeenTheStatusThatRecordsIt() {
        harness.applySample();
        harness.awaitReady(NAME);

        harness.quay().failNext(FaultSpec.forPath(MIRROR_PATH + "/sync-now").delay(QUAY_DELAY));
        harness.editSpec(NAME, "forceSync", true);
        lagWhenQuayIsCalled(1);
        long generation = MirrorResource.generation(harness.mirror(NAME));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Long.valueOf(generation).equals(harness.status(NAME).lastForcedSyncGeneration()));
        // Quay runs the sync, so it no longer shows SYNC_NOW: only our status says the sync was asked for
        harness.quay().simulateWorker(ORGANIZATION);

        anotherPassWhileTheWatchLags();

        assertThat(harness.quay().calls("POST", MIRROR_PATH + "/sync-now")).hasSize(1);
        harness.kube().releaseWatchEvents(MIRRORS);
        harness.awaitReady(NAME);
    }

    @Test
    void aRepeatedFailureIsWarnedOnceEvenWhenTheCacheHasNotSeenTheStatusThatReportsIt() {
        // a new resource is created without a read first: the create is what Quay refuses
        harness.quay().failNext(FaultSpec.forPath(MIRROR_PATH).method("POST").status(403).delay(QUAY_DELAY).times(2));
        harness.applySample();
        lagWhenQuayIsCalled(1);
        harness.awaitCondition(NAME, Condition.READY, "False", null);

        anotherPassWhileTheWatchLags();

        assertThat(harness.quay().faultsFired()).as("the second pass met the same refusal").isEqualTo(2);
        assertThat(harness.failureWarnings(NAME)).hasSize(1);
        harness.kube().releaseWatchEvents(MIRRORS);
    }

    /** Once the pass is inside its Quay call, the events of the mirrors watch are held back. */
    private void lagWhenQuayIsCalled(int faultsFired) {
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().faultsFired() == faultsFired);
        harness.kube().holdWatchEvents(MIRRORS);
    }

    /** The connection Secret changes (its watch is not held): one more pass of the resource, run to its end. */
    private void anotherPassWhileTheWatchLags() {
        ControllerHarness.awaitIdle(controller);
        long passes = queue().processedCount();
        harness.writeTokenSecret(harness.token(), Map.of("touched", "yes"));
        await().atMost(Duration.ofSeconds(20)).until(() -> queue().processedCount() > passes);
        ControllerHarness.awaitIdle(controller);
    }

    private KeyedWorkQueue queue() {
        return ControllerHarness.queue(controller);
    }
}
