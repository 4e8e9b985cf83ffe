package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static io.github.quayorgmirror.testing.ControllerHarness.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** Fault suite: deleting a resource always completes, removes what it can from Quay, and says what it left. */
class DeletionCompletesIT extends HarnessTestBase {

    private static final String NAME = "organizationmirror-sample";
    private static final String MIRROR_PATH = "/api/v1/organization/" + ORGANIZATION + "/mirror";

    @Test
    void anOrganizationDeletedInQuayLeavesNothingToDeleteAndReleasesTheResource() {
        harness.startController();
        harness.applySample();
        harness.awaitReady(NAME);
        // the token is an organization administrator's, not a superuser's: Quay answers 403 for a missing org
        harness.quay().removeOrganization(ORGANIZATION);

        deleteResource();

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror(NAME) == null);
        assertThat(harness.quay().calls("DELETE", MIRROR_PATH)).extracting(call -> call.status()).containsOnly(403);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(harness.events("Normal", NAME))
                .anyMatch(event -> event.startsWith("NothingToDelete: ")
                        && event.contains("Organization " + ORGANIZATION + " does not exist")));
        assertThat(harness.failureWarnings(NAME)).isEmpty();
    }

    @Test
    void aNamespaceTeardownDeletesInQuayWithTheLastKnownConnectionOfTheDeletedSecret() {
        harness.startController();
        harness.applySample();
        harness.awaitReady(NAME);
        terminateNamespace();

        harness.kube().client().secrets().inNamespace(NAMESPACE).withName(SECRET).delete();
        deleteResource();

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror(NAME) == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).as("nothing orphaned in Quay").isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(harness.events("Normal", NAME))
                .anyMatch(event -> event.startsWith("Deleted: ")
                        && event.contains("last-known connection of Secret " + NAMESPACE + "/" + SECRET)));
    }

    @Test
    void aNamespaceTeardownAfterARestartReleasesWithAWarningNamingWhatStaysInQuayAndCountsIt() {
        Main first = harness.startController();
        harness.applySample();
        harness.awaitReady(NAME);
        harness.stopController(first);
        terminateNamespace();
        harness.kube().client().secrets().inNamespace(NAMESPACE).withName(SECRET).delete();
        deleteResource();

        Main second = harness.startController();

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror(NAME) == null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(harness.events("Warning", NAME))
                .anyMatch(event -> event.startsWith("OrphanedInQuay: ")
                        && event.contains("organization " + ORGANIZATION + " stays in Quay")));
        assertThat(ControllerHarness.meters(second).get("orgmirror.orphaned").counter().count()).isEqualTo(1.0);
        assertThat(harness.quay().calls("DELETE", MIRROR_PATH)).isEmpty();
    }

    @Test
    void aMissingSecretOutsideATeardownStillBlocksWithItsWayOut() {
        namespace("Active");
        Main first = harness.startController();
        harness.applySample();
        harness.awaitReady(NAME);
        harness.stopController(first);
        harness.kube().client().secrets().inNamespace(NAMESPACE).withName(SECRET).delete();
        // restarted in between: the Secret's last-known connection is not in memory
        harness.startController();

        deleteResource();

        Condition ready = harness.awaitCondition(NAME, Condition.READY, "False", "DeletionBlocked");
        assertThat(ready.message()).contains(SECRET).contains("preserveInQuayOnDeletion");
        assertThat(harness.mirror(NAME).getMetadata().getFinalizers()).contains(MirrorResource.FINALIZER);
        harness.createConnectionSecret(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror(NAME) == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isEmpty();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsDeletedInQuayWhateverTheStatusSays() {
        // no retry of the failed pass before the deletion: the status keeps saying "not in Quay"
        harness.startController(Map.of("orgmirror.queue.backoff-initial", "1m", "orgmirror.queue.backoff-max", "1m"));
        // Quay creates the configuration, its answer is lost, and every further attempt fails the same way
        harness.quay().failNext(FaultSpec.forPath(MIRROR_PATH).method("POST").afterProcessing().dropConnection());
        harness.quay().failNext(FaultSpec.forPath(MIRROR_PATH).method("POST").times(10).dropConnection());
        // created holding the finalizer already: no finalizer write wakes a second pass that would find the mirror
        harness.create(FailuresAndRecoveryIT.sampleWith("syncInterval", "2d").replace("  name: sample\n",
                "  name: sample\n  finalizers: [\"" + MirrorResource.FINALIZER + "\"]\n"));
        harness.awaitCondition("sample", Condition.READY, "False", "QuayUnavailable");
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isPresent();
        // never seen in Quay: the create went without a read, its answer was lost
        assertThat(harness.status("sample").existInQuay()).isNotEqualTo(Boolean.TRUE);
        harness.quay().clearFaults();

        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("sample").delete();

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror("sample") == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).as("nothing orphaned in Quay").isEmpty();
    }

    private void deleteResource() {
        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName(NAME).delete();
    }

    /** As kubectl delete namespace: the namespace shows Terminating while its content is deleted. */
    private void terminateNamespace() {
        namespace("Terminating");
    }

    private void namespace(String phase) {
        harness.kube().client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .endMetadata().withNewStatus().withPhase(phase).endStatus().build()).createOr(existing -> existing.update());
        assertThat(harness.kube().client().namespaces().withName(NAMESPACE).get().getStatus().getPhase()).isEqualTo(phase);
    }
}
