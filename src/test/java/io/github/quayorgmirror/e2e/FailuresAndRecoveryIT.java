package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static io.github.quayorgmirror.testing.ControllerHarness.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.MirrorResource;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.MockKubernetes;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input and broken surroundings: a clear status, an Event, no Quay write, and recovery once fixed. */
class FailuresAndRecoveryIT {

    private ControllerHarness harness;

    @BeforeEach
    void start() {
        harness = ControllerHarness.start();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("syncInterval", "30s", "spec.syncInterval"),
                Arguments.of("syncInterval", "often", "spec.syncInterval"),
                Arguments.of("skopeoTimeout", "2h", "spec.skopeoTimeout"),
                Arguments.of("syncStartDate", "tomorrow", "spec.syncStartDate"),
                Arguments.of("externalRegistryUrl", "quay.io", "spec.externalRegistryUrl"),
                Arguments.of("robotUsername", "otherorg+robot", "spec.robotUsername"),
                Arguments.of("visibility", "Public", "spec.visibility"),
                Arguments.of("externalRegistryType", "docker", "spec.externalRegistryType"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidFields")
    void invalidFieldStallsWithItsNameAndNoQuayCall(String field, String value, String named) {
        harness.createConnectionSecret(true);
        harness.startController();

        harness.create(sampleWith(field, value));

        Condition stalled = harness.awaitCondition("sample", Condition.STALLED, "True", "InvalidSpec");
        assertThat(stalled.message()).contains(named);
        assertThat(harness.condition("sample", Condition.READY).status()).isEqualTo("False");
        assertThat(harness.status("sample").message()).contains(named);
        assertThat(harness.quay().calls()).noneMatch(call -> call.path().contains("/mirror"));
        assertThat(warningEvents()).anyMatch(note -> note.contains(named));
    }

    @Test
    void invalidSpecRecoversAsSoonAsItIsFixed() {
        harness.createConnectionSecret(true);
        harness.startController();
        harness.create(sampleWith("syncInterval", "30s"));
        harness.awaitCondition("sample", Condition.STALLED, "True", "InvalidSpec");

        editSpec("sample", "syncInterval", "2d");

        harness.awaitReady("sample");
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow()).containsEntry("sync_interval", 172800L);
    }

    @Test
    void missingSecretIsReportedAndAFixedSecretIsPickedUpAtOnce() {
        harness.startController(Map.of("orgmirror.reconcile.stalled-retry", "10m"));
        harness.applySample();

        Condition stalled = harness.awaitCondition("organizationmirror-sample", Condition.STALLED, "True", "SecretNotFound");
        assertThat(stalled.message()).contains(NAMESPACE + "/" + SECRET);

        harness.createConnectionSecret(true);

        // the Secret watch reconciles the mirror now, not after the 10 minute stalled retry
        harness.awaitReady("organizationmirror-sample");
    }

    @Test
    void malformedSecretNamesTheKey() {
        harness.kube().createSecret(NAMESPACE, SECRET, Map.of("host", harness.quay().baseUri().toString(),
                "validateCerts", "maybe", "token", harness.token()));
        harness.startController();
        harness.applySample();

        Condition stalled = harness.awaitCondition("organizationmirror-sample", Condition.STALLED, "True", "InvalidSecret");
        assertThat(stalled.message()).contains("validateCerts").doesNotContain(harness.token());
        assertThat(harness.quay().calls()).isEmpty();
    }

    @Test
    void quayRefusalStallsWithQuaysMessage() {
        harness.quay().addRepository(ORGANIZATION, "already-there");
        harness.createConnectionSecret(true);
        harness.startController();
        harness.applySample();

        Condition stalled = harness.awaitCondition("organizationmirror-sample", Condition.STALLED, "True", "QuayRejected");
        assertThat(stalled.message()).contains("already contains repositories");
        assertThat(harness.status("organizationmirror-sample").existInQuay()).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void missingSecretBlocksDeletionUntilItIsRestored() {
        harness.createConnectionSecret(true);
        harness.startController();
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        harness.kube().client().secrets().inNamespace(NAMESPACE).withName(SECRET).delete();
        await().until(() -> harness.kube().client().secrets().inNamespace(NAMESPACE).withName(SECRET).get() == null);

        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("organizationmirror-sample").delete();

        Condition ready = harness.awaitCondition("organizationmirror-sample", Condition.READY, "False", "DeletionBlocked");
        assertThat(ready.message()).contains(SECRET).contains("preserveInQuayOnDeletion");
        assertThat(harness.mirror("organizationmirror-sample").getMetadata().getFinalizers())
                .contains(MirrorResource.FINALIZER);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isPresent();

        harness.createConnectionSecret(true);

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror("organizationmirror-sample") == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isEmpty();
    }

    @Test
    void usernameAndPasswordSignInWorks() {
        harness.createConnectionSecret(false);
        harness.startController();

        harness.applySample();

        harness.awaitReady("organizationmirror-sample");
        assertThat(harness.quay().calls()).anyMatch(call -> call.path().equals("/api/v1/signin"));
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isPresent();
    }

    @Test
    void restartedControllerCreatesNoDuplicate() {
        harness.createConnectionSecret(true);
        Main first = harness.startController();
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        harness.stopController(first);
        harness.quay().clearCalls();

        harness.startController();

        // the first pass after the restart, then one resync (2 s in the harness): both found the mirror in Quay
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().calls().stream()
                .filter(call -> call.method().equals("GET") && call.path().endsWith("/mirror")).count() >= 2);
        assertThat(harness.quay().calls()).noneMatch(call -> call.method().equals("POST"));
        harness.awaitReady("organizationmirror-sample");
    }

    @Test
    void changesAfterAClosedWatchAndA410AreStillReconciled() {
        harness.createConnectionSecret(true);
        harness.startController();
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");

        // the watch connection breaks, and the watch that resumes it is answered 410 Gone (too old
        // resourceVersion): the informer must list again and watch anew
        String mirrors = MockKubernetes.mirrorsPath(null);
        harness.kube().expireNextWatch(mirrors);
        harness.kube().restart();
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.kube().journal(mirrors).contains("watch-expired")
                && harness.kube().openWatches(mirrors) > 0);
        editSpec("organizationmirror-sample", "syncInterval", "5d");

        await().atMost(Duration.ofSeconds(40)).until(() -> Long.valueOf(432000).equals(
                harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("sync_interval")));
    }

    private java.util.List<String> warningEvents() {
        return harness.kube().client().events().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(event -> "Warning".equals(event.getType())).map(event -> event.getNote()).toList();
    }

    @SuppressWarnings("unchecked")
    private void editSpec(String name, String field, Object value) {
        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName(name).edit(resource -> {
            ((Map<String, Object>) resource.getAdditionalProperties().get("spec")).put(field, value);
            return resource;
        });
    }

    static String sampleWith(String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of(
                "organization", "productionmirror", "externalRegistryType", "quay",
                "externalRegistryUrl", "https://quay.io", "externalNamespace", "projectquay",
                "robotUsername", "productionmirror+syncrobot", "visibility", "public", "syncInterval", "2d"));
        fields.put(field, value);
        StringBuilder yaml = new StringBuilder("""
                apiVersion: quay.herve4m.github.io/v1alpha1
                kind: OrganizationMirror
                metadata:
                  name: sample
                spec:
                  connSecretRef:
                    name: quay-credentials-secret
                """);
        fields.forEach((key, text) -> yaml.append("  ").append(key).append(": \"").append(text).append("\"\n"));
        return yaml.toString();
    }
}
