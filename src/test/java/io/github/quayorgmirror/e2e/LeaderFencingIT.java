package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.time.Duration;
import java.util.List;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/**
 * Fault suite: a leader that stops renewing its Lease while a pass is in flight (as in a long GC pause) must not
 * write anything once the Lease may belong to another replica, and must come back cleanly when it leads again.
 */
class LeaderFencingIT extends HarnessTestBase {

    static final String MIRROR_PATH = "/api/v1/organization/" + ORGANIZATION + "/mirror";
    private static final String LEASE_PATH = "/apis/coordination.k8s.io/v1/namespaces/" + NAMESPACE
            + "/leases/quay-orgmirror-controller";

    @Test
    void aLeaderPausedPastItsLeaseWritesNothingAndLeadsCleanlyAgainLater() {
        // the first leader's pass reads Quay's capabilities (a new resource's first call: no read of the mirror comes
        // before its create), and the answer takes longer than the Lease lasts
        Main[] replicas = twoReplicasWhileTheLeaderWaitsFor("GET", "/config", Duration.ofSeconds(10));
        Main first = replicas[0];
        Main second = replicas[1];
        // meanwhile its renewals do not get through: the other replica takes the Lease once it expired
        harness.kube().refuseFrom("replica-a", LEASE_PATH, 500);
        int requestsBeforeLoss = harness.kube().requestsFrom("replica-a").size();

        await().atMost(Duration.ofSeconds(30)).until(() -> ControllerHarness.leads(second));
        harness.awaitReady("organizationmirror-sample");
        // the paused pass gets Quay's answer long after the Lease went to the other replica; its create is refused
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.quay().calls("GET", "/config").size() >= 2
                && first.getCamelContext().getInflightRepository().size("orgmirror-reconcile") == 0);

        assertThat(harness.quay().calls("POST", MIRROR_PATH)).as("one create, by the new leader only").hasSize(1);
        List<String> writesAfterLoss = harness.kube().requestsFrom("replica-a").subList(requestsBeforeLoss,
                harness.kube().requestsFrom("replica-a").size()).stream()
                .filter(request -> request.contains("organizationmirrors") && !request.startsWith("GET ")).toList();
        assertThat(writesAfterLoss).as("no write to the resource by the replica that lost the Lease").isEmpty();
        assertThat(harness.failureWarnings("organizationmirror-sample")).isEmpty();
        harness.awaitReady("organizationmirror-sample");

        // its renewals get through again and the other replica goes away: it leads from its cache, as new
        harness.kube().allow(LEASE_PATH);
        harness.stopController(second);
        await().atMost(Duration.ofSeconds(30)).until(() -> ControllerHarness.leads(first));
        harness.editSpec("organizationmirror-sample", "syncInterval", "4d");
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(345600).equals(
                harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("sync_interval")));
        harness.awaitReady("organizationmirror-sample");
        assertThat(harness.quay().calls("POST", MIRROR_PATH)).hasSize(1);
    }

    @Test
    void aLeaderStoppedMidCreateKeepsItsLeaseUntilItExpiresAndTheNextLeaderAdoptsWhatItCreated() {
        // Quay creates the configuration; the answer never reaches the leader before it is stopped
        Main[] replicas = twoReplicasWhileTheLeaderWaitsFor("POST", MIRROR_PATH, Duration.ofSeconds(40));
        Main first = replicas[0];
        Main second = replicas[1];

        harness.stopController(first);

        // fabric8's release rewrites the Lease to a 1 s duration (its holder may stay, as the update merges)
        assertThat(lease()).as("a pass still hangs on Quay: the Lease is not released, it expires")
                .extracting(spec -> spec.getHolderIdentity(), spec -> spec.getLeaseDurationSeconds())
                .containsExactly("replica-a", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> ControllerHarness.leads(second));
        harness.awaitReady("organizationmirror-sample");
        // the fake records a call when it answers: the stopped leader's create is still unanswered
        assertThat(harness.quay().calls("POST", MIRROR_PATH)).extracting(RecordedCall::status)
                .as("adopted: the next leader's create was refused with \"already exists\"").containsExactly(400);
        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("organizationmirror-sample").delete();
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror("organizationmirror-sample") == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).as("nothing orphaned").isEmpty();
    }

    /**
     * Replica A leads, B stands by; the sample is applied and A's pass waits for Quay's answer to its first
     * {@code method} on {@code path}, which Quay carried out at once but answers only after {@code answerDelay}.
     */
    private Main[] twoReplicasWhileTheLeaderWaitsFor(String method, String path, Duration answerDelay) {
        Main first = harness.startController(ControllerHarness.replica("replica-a"), "replica-a");
        await().atMost(Duration.ofSeconds(20)).until(() -> ControllerHarness.leads(first));
        Main second = harness.startController(ControllerHarness.replica("replica-b"), "replica-b");
        harness.quay().failNext(FaultSpec.forPath(path).method(method).afterProcessing().delay(answerDelay));
        harness.applySample();
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().faultsFired() == 1);
        return new Main[] {first, second};
    }

    private LeaseSpec lease() {
        return harness.kube().client().leases().inNamespace(NAMESPACE).withName("quay-orgmirror-controller").get()
                .getSpec();
    }
}
