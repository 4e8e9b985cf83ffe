package io.github.quayorgmirror.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.time.Duration;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** Fault suite: a shutdown (SIGTERM) is bounded even when Quay stops answering mid-pass and sessions must be signed out. */
class ShutdownIT extends HarnessTestBase {

    @Override
    protected ControllerHarness newHarness() {
        return ControllerHarness.start();
    }

    @Test
    void theControllerStopsWithinTenSecondsWhileItsPassAndSignOutHangOnADeadQuay() {
        // username/password: a session to sign out at shutdown
        harness.createConnectionSecret(false);
        Main controller = harness.startController();
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        // Quay stops answering: every request hangs for a minute
        harness.quay().failNext(FaultSpec.forPath("*").delay(Duration.ofSeconds(60)).times(1000));
        harness.editSpec("organizationmirror-sample", "syncInterval", "3d");
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().faultsFired() >= 1);
        assertThat(controller.getCamelContext().getInflightRepository().size("orgmirror-reconcile"))
                .as("a pass hangs on Quay when the stop begins").isEqualTo(1);
        int firedBeforeStop = harness.quay().faultsFired();

        long started = System.nanoTime();
        harness.stopController(controller);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("the pod's grace period leaves 30 s; the controller promises 10").isLessThan(Duration.ofSeconds(10));
        assertThat(harness.quay().faultsFired()).as("the sign-out was tried, and hung like the rest")
                .isGreaterThan(firedBeforeStop);
    }
}
