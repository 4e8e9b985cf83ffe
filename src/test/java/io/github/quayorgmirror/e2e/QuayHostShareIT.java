package io.github.quayorgmirror.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Quay host share is work-conserving: a host that answers may use every worker while no other host's work waits
 * (DeadQuayIT shows the other half: a Quay that does not answer keeps to its share, and other Quays' mirrors go on).
 */
class QuayHostShareIT extends HarnessTestBase {

    private static final List<String> ORGANIZATIONS = IntStream.rangeClosed(1, 4).mapToObj(i -> "shared-" + i).toList();

    @Test
    void aSingleAnsweringQuayHostUsesEveryWorkerWhenNoOtherWorkWaits() {
        ORGANIZATIONS.forEach(organization -> {
            harness.quay().addOrganization(organization);
            harness.quay().makeOrgAdmin(organization, ControllerHarness.USER);
            harness.quay().addRobot(organization, ControllerHarness.ROBOT);
        });
        harness.startController(Map.of("orgmirror.queue.parallelism", "4", "orgmirror.queue.passes-per-quay-host", "1"));
        // the host has answered: it is no dead Quay
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        // each create is held by Quay long enough for the others to start, if workers are there for them
        ORGANIZATIONS.forEach(organization -> harness.quay().failNext(FaultSpec.forPath(mirrorPath(organization))
                .method("POST").delay(Duration.ofSeconds(5))));

        ORGANIZATIONS.forEach(organization -> harness.create(FailuresAndRecoveryIT.sampleWith("organization", organization)
                .replace("name: sample", "name: " + organization)
                .replace("productionmirror+syncrobot", organization + "+syncrobot")));

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().faultsFired() == ORGANIZATIONS.size());
        assertThat(ORGANIZATIONS).as("all four creates under way at once, on a host whose share is one pass")
                .allSatisfy(organization -> assertThat(harness.quay().calls("POST", mirrorPath(organization))).isEmpty());
        ORGANIZATIONS.forEach(harness::awaitReady);
    }

    private static String mirrorPath(String organization) {
        return "/api/v1/organization/" + organization + "/mirror";
    }
}
