package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.leader.LeaderElection;
import io.github.quayorgmirror.status.MirrorResource;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault suite: a leader that stops renewing its Lease while a pass is in flight (as in a long GC pause) must not
 * write anything once the Lease may belong to another replica, and must come back cleanly when it leads again.
 */
class LeaderFencingIT {

    static final String MIRROR_PATH = "/api/v1/organization/" + ORGANIZATION + "/mirror";
    private static final String LEASE_PATH = "/apis/coordination.k8s.io/v1/namespaces/" + NAMESPACE
            + "/leases/quay-orgmirror-controller";

    private ControllerHarness harness;

    @BeforeEach
    void start() {
        harness = ControllerHarness.startWithTokenSecret();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aLeaderPausedPastItsLeaseWritesNothingAndLeadsCleanlyAgainLater() {
        Main first = harness.startController(replica("replica-a"), "replica-a");
        await().atMost(Duration.ofSeconds(20)).until(() -> leading(first));
        Main second = harness.startController(replica("replica-b"), "replica-b");
        // the first leader's pass reads Quay ("no mirror"), and the answer takes longer than the Lease lasts
        harness.quay().failNext(FaultSpec.forPath(MIRROR_PATH).method("GET").afterProcessing()
                .delay(Duration.ofSeconds(10)));
        harness.applySample();
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().faultsFired() == 1);
        // meanwhile its renewals do not get through: the other replica takes the Lease once it expired
        harness.kube().refuseFrom("replica-a", LEASE_PATH, 500);
        int requestsBeforeLoss = harness.kube().requestsFrom("replica-a").size();

        await().atMost(Duration.ofSeconds(30)).until(() -> leading(second));
        harness.awaitReady("organizationmirror-sample");
        // the paused pass gets Quay's answer ("no mirror") long after the Lease went to the other replica
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.quay().calls("GET", MIRROR_PATH).size() >= 3
                && first.getCamelContext().getInflightRepository().size("orgmirror-reconcile") == 0);

        assertThat(harness.quay().calls("POST", MIRROR_PATH)).as("one create, by the new leader only").hasSize(1);
        List<String> writesAfterLoss = harness.kube().requestsFrom("replica-a").subList(requestsBeforeLoss,
                harness.kube().requestsFrom("replica-a").size()).stream()
                .filter(request -> request.contains("organizationmirrors") && !request.startsWith("GET ")).toList();
        assertThat(writesAfterLoss).as("no write to the resource by the replica that lost the Lease").isEmpty();
        assertThat(harness.events("Warning", "organizationmirror-sample")).isEmpty();
        harness.awaitReady("organizationmirror-sample");

        // its renewals get through again and the other replica goes away: it leads from its cache, as new
        harness.kube().allow(LEASE_PATH);
        harness.stopController(second);
        await().atMost(Duration.ofSeconds(30)).until(() -> leading(first));
        harness.editSpec("organizationmirror-sample", "syncInterval", "4d");
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(345600).equals(
                harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("sync_interval")));
        harness.awaitReady("organizationmirror-sample");
        assertThat(harness.quay().calls("POST", MIRROR_PATH)).hasSize(1);
    }

    @Test
    void aLeaderStoppedMidCreateKeepsItsLeaseUntilItExpiresAndTheNextLeaderAdoptsWhatItCreated() {
        Main first = harness.startController(replica("replica-a"), "replica-a");
        await().atMost(Duration.ofSeconds(20)).until(() -> leading(first));
        Main second = harness.startController(replica("replica-b"), "replica-b");
        // Quay creates the configuration; the answer never reaches the leader before it is stopped
        harness.quay().failNext(FaultSpec.forPath(MIRROR_PATH).method("POST").afterProcessing()
                .delay(Duration.ofSeconds(40)));
        harness.applySample();
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().faultsFired() == 1);

        harness.stopController(first);

        // fabric8's release rewrites the Lease to a 1 s duration (its holder may stay, as the update merges)
        assertThat(lease()).as("a pass still hangs on Quay: the Lease is not released, it expires")
                .extracting(spec -> spec.getHolderIdentity(), spec -> spec.getLeaseDurationSeconds())
                .containsExactly("replica-a", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> leading(second));
        harness.awaitReady("organizationmirror-sample");
        // the fake records a call when it answers: the stopped leader's create is still unanswered
        assertThat(harness.quay().calls("POST", MIRROR_PATH)).as("adopted: the next leader sent no create").isEmpty();
        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("organizationmirror-sample").delete();
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror("organizationmirror-sample") == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).as("nothing orphaned").isEmpty();
    }

    private LeaseSpec lease() {
        return harness.kube().client().leases().inNamespace(NAMESPACE).withName("quay-orgmirror-controller").get()
                .getSpec();
    }

    static Map<String, String> replica(String identity) {
        return Map.of("orgmirror.leader-election.enabled", "true",
                "orgmirror.leader-election.identity", identity,
                "orgmirror.leader-election.lease-namespace", NAMESPACE,
                "orgmirror.leader-election.lease-duration", "3s",
                "orgmirror.leader-election.renew-deadline", "2s",
                "orgmirror.leader-election.retry-period", "200ms");
    }

    static boolean leading(Main main) {
        return main.getCamelContext().getRegistry().lookupByNameAndType("leaderElection", LeaderElection.class).isLeader();
    }
}
