package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.MirrorResource;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The product, end to end: resources in the mock API server, mirrors in the fake Quay. */
class MirrorLifecycleIT {

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

    private ControllerHarness harness;

    @BeforeEach
    void start() {
        harness = ControllerHarness.start();
        harness.quay().allowHost("harbor.example.com");
        harness.createConnectionSecret(true);
        harness.startController();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void createsTheMirrorWithEveryFieldAndReportsReady() {
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
        assertThat(MirrorResource.status(resource).existInQuay()).isTrue();
        assertThat(MirrorResource.status(resource).message()).isEmpty();
        assertThat(MirrorResource.status(resource).quay().syncStatus()).isEqualTo("NEVER_RUN");
        assertThat(MirrorResource.status(resource).condition(Condition.STALLED).status()).isEqualTo("False");
        await().atMost(Duration.ofSeconds(10)).until(() -> normalEvents("full").stream()
                .anyMatch(event -> event.startsWith("Created: ") && event.contains("productionmirror")));
        assertThat(normalEvents("full")).noneMatch(event -> event.contains("pull-password-value"));
    }

    @Test
    void changingOneFieldSendsOnlyThatField() {
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        harness.quay().clearCalls();

        editSpec("organizationmirror-sample", spec -> spec.put("syncInterval", "3d"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !writes().isEmpty());
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
    void resyncWithNothingChangedWritesNeitherQuayNorStatus() {
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        String resourceVersion = harness.mirror("organizationmirror-sample").getMetadata().getResourceVersion();
        harness.quay().clearCalls();

        // resync every 2 s in the harness: wait for at least two more full reconciles (each reads Quay)
        await().atMost(Duration.ofSeconds(20)).until(() -> reads() >= 2);

        assertThat(writes()).isEmpty();
        assertThat(harness.mirror("organizationmirror-sample").getMetadata().getResourceVersion())
                .as("no status write changes the resourceVersion").isEqualTo(resourceVersion);
    }

    @Test
    void forceSyncFiresOncePerGeneration() {
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");

        editSpec("organizationmirror-sample", spec -> spec.put("forceSync", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> syncNowCalls() == 1);
        harness.quay().clearCalls();
        await().atMost(Duration.ofSeconds(20)).until(() -> reads() >= 2);

        assertThat(syncNowCalls()).isZero();
        GenericKubernetesResource resource = harness.mirror("organizationmirror-sample");
        assertThat(MirrorResource.status(resource).lastForcedSyncGeneration())
                .isEqualTo(MirrorResource.generation(resource));
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow()).containsEntry("sync_status", "SYNC_NOW");
        assertThat(normalEvents("organizationmirror-sample")).filteredOn(event -> event.startsWith("SyncTriggered: "))
                .hasSize(1);
    }

    @Test
    void deletingRemovesTheQuayConfigThenTheFinalizer() {
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");

        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("organizationmirror-sample").delete();

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror("organizationmirror-sample") == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> normalEvents("organizationmirror-sample").stream()
                .anyMatch(event -> event.startsWith("Deleted: ")));
    }

    @Test
    void preserveInQuayKeepsTheQuayConfig() {
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        editSpec("organizationmirror-sample", spec -> spec.put("preserveInQuayOnDeletion", true));
        harness.awaitReady("organizationmirror-sample");

        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("organizationmirror-sample").delete();

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror("organizationmirror-sample") == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isPresent();
        assertThat(harness.quay().calls()).noneMatch(call -> call.method().equals("DELETE"));
    }

    /** The resource's Normal Events as {@code reason: note}. */
    private List<String> normalEvents(String name) {
        return harness.kube().client().events().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(event -> "Normal".equals(event.getType()) && name.equals(event.getRegarding().getName()))
                .map(event -> event.getReason() + ": " + event.getNote()).toList();
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

    @SuppressWarnings("unchecked")
    private void editSpec(String name, java.util.function.Consumer<Map<String, Object>> change) {
        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName(name).edit(resource -> {
            change.accept((Map<String, Object>) resource.getAdditionalProperties().get("spec"));
            return resource;
        });
    }
}
