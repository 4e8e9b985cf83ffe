package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.status.QuayView;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The product, end to end: resources in the mock API server, mirrors in the fake Quay. */
class MirrorLifecycleIT extends HarnessTestBase {

    static final String FULL = """
            apiVersion: quay.herve4m.github.io/v1alpha1
            kind: OrganizationMirror
            metadata:
              name: full
            spec:
              connSecretRef:
                name: quay-credentials-secret
              preserveInQuayOnDeletion: false
              organization: productionmirror
              externalRegistryType: harbor
              externalRegistryUrl: https://harbor.example.com
              externalNamespace: library
              externalRegistryUsername: puller
              externalRegistryPassword: pull-password-value
              robotUsername: productionmirror+syncrobot
              visibility: private
              repositoryFilters: ["busy*", "alpine"]
              syncInterval: 12h
              syncStartDate: "2026-12-01T08:30:00+01:00"
              skopeoTimeout: 10m
              isEnabled: false
              verifyTls: false
              httpProxy: http://proxy.example.com:3128
              httpsProxy: http://proxy.example.com:3129
              noProxy: .cluster.local
              forceSync: false
            """;

    /** Enabled, a start date in the past (the fake worker runs it), a registry password: what lastApplied guards. */
    static final String DUE_WITH_PASSWORD = FULL.replace("name: full", "name: due")
            .replace("isEnabled: false", "isEnabled: true")
            .replace("\"2026-12-01T08:30:00+01:00\"", "\"2026-01-01T00:00:00Z\"");

    static final Map<String, String> RESYNC_EVERY_2S = Map.of("orgmirror.watch.resync-period", "2s");

    @BeforeEach
    void prepare() {
        harness.quay().allowHost("harbor.example.com");
    }

    @Test
    void createsTheMirrorWithEveryFieldAndReportsReady() {
        harness.startController();
        harness.create(FULL);

        harness.awaitReady("full");

        Map<String, Object> config = harness.quay().mirrorConfig(ORGANIZATION).orElseThrow();
        assertThat(config).containsEntry("external_registry_type", "harbor")
                .containsEntry("external_registry_url", "https://harbor.example.com")
                .containsEntry("external_namespace", "library")
                .containsEntry("external_registry_username", "puller")
                .containsEntry("robot_username", "productionmirror+syncrobot")
                .containsEntry("visibility", "private")
                .containsEntry("sync_interval", 43200L)
                .containsEntry("sync_start_date", "2026-12-01T07:30:00Z")
                .containsEntry("skopeo_timeout", 600)
                .containsEntry("is_enabled", false)
                .containsEntry("repository_filters", List.of("busy*", "alpine"))
                .containsEntry("external_registry_config", Map.of("verify_tls", false, "proxy", Map.of(
                        "http_proxy", "http://proxy.example.com:3128", "https_proxy", "http://proxy.example.com:3129",
                        "no_proxy", ".cluster.local")));
        assertThat(harness.quay().storedPassword(ORGANIZATION)).contains("pull-password-value");
        GenericKubernetesResource resource = harness.mirror("full");
        assertThat(resource.getMetadata().getFinalizers()).containsExactly(MirrorResource.FINALIZER);
        assertThat(OrganizationMirrorStatus.of(resource).existInQuay()).isTrue();
        assertThat(OrganizationMirrorStatus.of(resource).message()).isEmpty();
        assertThat(OrganizationMirrorStatus.of(resource).quay().syncStatus()).isEqualTo("NEVER_RUN");
        assertThat(OrganizationMirrorStatus.of(resource).condition(Condition.STALLED).status()).isEqualTo("False");
        await().atMost(Duration.ofSeconds(10)).until(() -> normalEvents("full").stream()
                .anyMatch(event -> event.startsWith("Created: ") && event.contains("productionmirror")));
        assertThat(normalEvents("full")).noneMatch(event -> event.contains("pull-password-value"));
    }

    @Test
    void ourOwnFinalizerWriteCausesNoSecondPass() {
        harness.quay().addOrganization("markerorg");
        harness.quay().makeOrgAdmin("markerorg", ControllerHarness.USER);
        harness.quay().addRobot("markerorg", ControllerHarness.ROBOT);
        Main controller = harness.startController();
        // created after the first list, so that it comes as a watch event: a pass that starts while the informer
        // is still taking in its first list is put back until it has (ResourceSteps.load), and would count here
        ControllerHarness.awaitSynced(controller);
        harness.create(FULL);
        harness.awaitReady("full");
        // the watch delivers events in order: once a mirror created later has had its pass, the echo of the first
        // one's finalizer write was handled (and its pass, if it caused one, queued before)
        harness.create(FULL.replace("name: full", "name: marker").replace("organization: productionmirror",
                "organization: markerorg").replace("robotUsername: productionmirror+", "robotUsername: markerorg+"));
        harness.awaitReady("marker");
        ControllerHarness.awaitIdle(controller);

        List<String> quayCalls = harness.quay().calls().stream()
                .filter(call -> call.path().startsWith("/api/v1/organization/" + ORGANIZATION + "/"))
                .map(call -> call.method() + " " + call.path()).toList();
        // the create (its POST, no read before it: the status never showed the mirror in Quay), and the verify POST
        // of the registry credentials; no read after the write (its effect is defined), no GET of a second pass
        assertThat(quayCalls).containsExactly("POST /api/v1/organization/productionmirror/mirror",
                "POST /api/v1/organization/productionmirror/mirror/verify");
        assertThat(ControllerHarness.queue(controller).processedCount()).isEqualTo(2);
    }

    /** Server-side apply's managedFields are left out of our updates: the API server keeps the stored ones. */
    @Test
    void updatesLeaveManagedFieldsOut() {
        String path = "/apis/quay.herve4m.github.io/v1alpha1/namespaces/" + NAMESPACE + "/organizationmirrors/full";
        GenericKubernetesResource full = harness.create(FULL);
        full.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl-client-side-apply")
                .withOperation("Update").withApiVersion(MirrorResource.API_VERSION).withFieldsType("FieldsV1")
                .withNewFieldsV1().addToAdditionalProperties("f:spec", Map.of("f:organization", Map.of())).endFieldsV1()
                .build()));
        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).resource(full).update();
        harness.kube().recordRequestBodies("PUT", path);
        harness.kube().recordRequestBodies("PUT", path + "/status");
        harness.startController();
        harness.awaitReady("full");

        assertThat(harness.kube().requestBodies("PUT", path)).isNotEmpty()
                .allSatisfy(body -> assertThat(body).contains(MirrorResource.FINALIZER).doesNotContain("managedFields"));
        assertThat(harness.kube().requestBodies("PUT", path + "/status")).isNotEmpty()
                .allSatisfy(body -> assertThat(body).contains("\"conditions\"").doesNotContain("managedFields"));
    }

    /**
     * Events are written beside the passes: with one worker and an API server that takes 20 s to answer each Event
     * write, a second mirror still gets its pass at once. Written by the pass, the first mirror's Event would have
     * held the only worker for those 20 s (measured on the old route).
     */
    @Test
    void aSlowEventWriteHoldsNoWorker() {
        harness.quay().addOrganization("markerorg");
        harness.quay().makeOrgAdmin("markerorg", ControllerHarness.USER);
        harness.quay().addRobot("markerorg", ControllerHarness.ROBOT);
        harness.kube().delayResponses("POST", "/apis/events.k8s.io/v1/namespaces/" + NAMESPACE + "/events",
                Duration.ofSeconds(20));
        harness.startController(Map.of("orgmirror.queue.parallelism", "1"));
        harness.create(FULL);
        harness.awaitReady("full");
        harness.create(FULL.replace("name: full", "name: marker").replace("organization: productionmirror",
                "organization: markerorg").replace("robotUsername: productionmirror+", "robotUsername: markerorg+"));
        long start = System.nanoTime();
        harness.awaitReady("marker");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        await().atMost(Duration.ofSeconds(20)).until(() -> normalEvents("marker").stream()
                .anyMatch(event -> event.startsWith("Created: ")));
    }

    @Test
    void changingOneFieldSendsOnlyThatFieldOnceWithoutWaitingForAResync() {
        harness.startController();
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        harness.quay().clearCalls();

        harness.editSpec("organizationmirror-sample", spec -> spec.put("syncInterval", "3d"));

        // no resync in this test: only the spec change event can have caused the write
        await().atMost(Duration.ofSeconds(10)).until(() -> !writes().isEmpty());
        harness.awaitReady("organizationmirror-sample");
        // one more pass with nothing changed (a label change is a metadata event): it must not write again
        editLabels("organizationmirror-sample", Map.of("touched", "yes"));
        // the edit's pass read Quay once (its PUT needs no read after it), the label's pass once
        await().atMost(Duration.ofSeconds(10)).until(() -> reads() >= 2);
        harness.awaitReady("organizationmirror-sample");
        assertThat(writes()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("PUT");
            assertThat(call.body()).isEqualTo("{\"sync_interval\":259200}");
        });
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow()).containsEntry("sync_interval", 259200L);
        await().atMost(Duration.ofSeconds(10)).until(() -> normalEvents("organizationmirror-sample")
                .contains("Updated: Updated the mirror configuration in Quay: sync_interval"));
    }

    @Test
    void resyncAfterQuayMovedItsScheduleWritesNeitherQuayNorStatus() {
        harness.startController(RESYNC_EVERY_2S);
        harness.create(DUE_WITH_PASSWORD);
        harness.awaitReady("due");
        String appliedStart = harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("sync_start_date").toString();
        harness.quay().clearCalls();
        long statusWritesBefore = statusWrites();
        // Quay's worker runs the mirror: status SUCCESS, and sync_start_date moves to the next slot
        harness.quay().simulateWorker(ORGANIZATION);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("sync_start_date"))
                .isNotEqualTo(appliedStart);

        // the resync that first sees the moved date (and writes SUCCESS to the status), then two more
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCESS".equals(harness.status("due").quay().syncStatus()));
        long readsAtSuccess = reads();
        await().atMost(Duration.ofSeconds(20)).until(() -> reads() >= readsAtSuccess + 2);

        assertThat(writes()).as("neither the moved start date nor the unreadable password is sent again").isEmpty();
        assertThat(statusWrites()).as("the status is written once, for Quay's SUCCESS, and never again")
                .isEqualTo(statusWritesBefore + 1);
    }

    @Test
    void theStatusAfterACreateIsWhatTheFirstResyncReadsSoItWritesNoStatus() {
        harness.startController(RESYNC_EVERY_2S);
        harness.create(DUE_WITH_PASSWORD);
        harness.awaitReady("due");
        long statusWritesAfterCreate = statusWrites();
        QuayView shown = harness.status("due").quay();
        assertThat(harness.quay().calls()).filteredOn(call -> call.path().endsWith("/mirror"))
                .as("the create pass read nothing before its POST").first()
                .satisfies(call -> assertThat(call.method()).isEqualTo("POST"));

        await().atMost(Duration.ofSeconds(20)).until(() -> reads() >= 2);

        assertThat(harness.status("due").quay()).as("derived from the create, confirmed by the reads").isEqualTo(shown)
                .satisfies(view -> assertThat(view.syncStatus()).isEqualTo("NEVER_RUN"));
        assertThat(statusWrites()).as("the resyncs found nothing to write").isEqualTo(statusWritesAfterCreate);
    }

    @Test
    void forceSyncFiresOncePerGeneration() {
        harness.startController(RESYNC_EVERY_2S);
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");

        harness.editSpec("organizationmirror-sample", spec -> spec.put("forceSync", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> syncNowCalls() == 1);
        // Quay runs the sync: it no longer shows SYNC_NOW, so only lastForcedSyncGeneration prevents a repeat
        harness.quay().simulateWorker(ORGANIZATION);
        harness.quay().clearCalls();
        await().atMost(Duration.ofSeconds(20)).until(() -> reads() >= 3);
        assertThat(syncNowCalls()).isZero();
        GenericKubernetesResource resource = harness.mirror("organizationmirror-sample");
        assertThat(OrganizationMirrorStatus.of(resource).lastForcedSyncGeneration())
                .isEqualTo(MirrorResource.generation(resource));

        // a new generation that still says forceSync: true asks for exactly one more sync
        harness.editSpec("organizationmirror-sample", spec -> spec.put("syncInterval", "3d"));
        await().atMost(Duration.ofSeconds(20)).until(() -> syncNowCalls() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> reads() >= 6);
        assertThat(syncNowCalls()).isEqualTo(1);
        assertThat(normalEvents("organizationmirror-sample")).filteredOn(event -> event.startsWith("SyncTriggered: "))
                .hasSize(2);
    }

    @Test
    void deletionWaitsForQuayThenRemovesTheConfigAndTheFinalizer() {
        harness.startController();
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        String mirror = "/api/v1/organization/" + ORGANIZATION + "/mirror";
        harness.quay().failNext(FaultSpec.forPath(mirror).method("DELETE").times(1000).status(503));

        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("organizationmirror-sample").delete();

        // Quay refuses: the finalizer stays, and so does the mirror
        Condition blocked = harness.awaitCondition("organizationmirror-sample", Condition.READY, "False",
                "DeletionBlocked");
        assertThat(blocked.message()).contains("QuayUnavailable").contains("preserveInQuayOnDeletion");
        assertThat(harness.mirror("organizationmirror-sample").getMetadata().getFinalizers())
                .contains(MirrorResource.FINALIZER);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isPresent();

        harness.quay().clearFaults();

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror("organizationmirror-sample") == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> normalEvents("organizationmirror-sample").stream()
                .anyMatch(event -> event.startsWith("Deleted: ")));
    }

    @Test
    void preserveInQuayKeepsTheQuayConfig() {
        harness.startController();
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        harness.editSpec("organizationmirror-sample", spec -> spec.put("preserveInQuayOnDeletion", true));
        harness.awaitReady("organizationmirror-sample");

        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("organizationmirror-sample").delete();

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror("organizationmirror-sample") == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isPresent();
        assertThat(harness.quay().calls()).noneMatch(call -> call.method().equals("DELETE"));
    }

    private long statusWrites() {
        return harness.kube().requestsFrom(ControllerHarness.CONTROLLER_USER_AGENT).stream()
                .filter(request -> request.startsWith("PUT ") && request.contains("/status")).count();
    }

    /** The resource's Normal Events as {@code reason: note}. */
    private List<String> normalEvents(String name) {
        return harness.events("Normal", name);
    }

    private List<RecordedCall> writes() {
        return harness.quay().calls().stream().filter(call -> !call.method().equals("GET")).toList();
    }

    private long reads() {
        return harness.quay().calls().stream()
                .filter(call -> call.method().equals("GET") && call.path().endsWith("/mirror")).count();
    }

    private long syncNowCalls() {
        return harness.quay().calls().stream().filter(call -> call.path().endsWith("/sync-now")).count();
    }

    private void editLabels(String name, Map<String, String> labels) {
        harness.edit(name, resource -> resource.getMetadata().setLabels(labels));
    }
}
