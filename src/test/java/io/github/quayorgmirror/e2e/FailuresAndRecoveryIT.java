package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static io.github.quayorgmirror.testing.ControllerHarness.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import io.github.quayorgmirror.testing.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input and broken surroundings: a clear status, an Event, no Quay write, and recovery once fixed. */
class FailuresAndRecoveryIT extends HarnessTestBase {

    @Override
    protected ControllerHarness newHarness() {
        return ControllerHarness.start();
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

        // stored as under herve4m's CRD, which has none of our patterns and enums: the controller's own check
        harness.createUnchecked(sampleWith(field, value));

        Condition stalled = harness.awaitCondition("sample", Condition.STALLED, "True", "InvalidSpec");
        assertThat(stalled.message()).contains(named);
        assertThat(harness.condition("sample", Condition.READY).status()).isEqualTo("False");
        assertThat(harness.status("sample").message()).contains(named);
        assertThat(harness.quay().calls()).noneMatch(call -> call.path().contains("/mirror"));
        await().atMost(Duration.ofSeconds(10)).until(() -> warningEvents().stream().anyMatch(note -> note.contains(named)));
    }

    @Test
    void invalidSpecRecoversAsSoonAsItIsFixed() {
        harness.createConnectionSecret(true);
        // no timed retry of the stalled resource: only the edit can make it recover
        harness.startController(Map.of("orgmirror.reconcile.stalled-retry", "10m"));
        harness.create(sampleWith("syncInterval", "30s"));
        harness.awaitCondition("sample", Condition.STALLED, "True", "InvalidSpec");

        harness.editSpec("sample", "syncInterval", "2d");

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
        assertThat(stalled.message()).contains("already contains repositories")
                .endsWith("(connection Secret " + NAMESPACE + "/" + SECRET + ")");
        assertThat(harness.status("organizationmirror-sample").existInQuay()).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void usernameAndPasswordSignInWorks() {
        harness.createConnectionSecret(false);
        harness.startController();

        harness.applySample();

        harness.awaitReady("organizationmirror-sample");
        assertThat(signIns()).isEqualTo(1);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isPresent();

        // the session expires in Quay: the next write signs in once more and goes through
        harness.quay().expireSessions();
        harness.editSpec("organizationmirror-sample", "syncInterval", "3d");

        await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(259200).equals(
                harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("sync_interval")));
        harness.awaitReady("organizationmirror-sample");
        assertThat(signIns()).isEqualTo(2);
    }

    private long signIns() {
        return harness.quay().calls().stream()
                .filter(call -> call.method().equals("POST") && call.path().equals("/api/v1/signin")).count();
    }

    @Test
    void restartedControllerCreatesNoDuplicate() {
        harness.createConnectionSecret(true);
        Main first = harness.startController();
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");
        harness.stopController(first);
        harness.quay().clearCalls();

        harness.startController(MirrorLifecycleIT.RESYNC_EVERY_2S);

        // the first pass after the restart, then at least one resync: every one found the mirror in Quay
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
        harness.editSpec("organizationmirror-sample", "syncInterval", "5d");

        await().atMost(Duration.ofSeconds(40)).until(() -> Long.valueOf(432000).equals(
                harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("sync_interval")));
    }

    @Test
    void aRotatedSecretIsUsedAtOnceAndTheRegistryPasswordIsSentAgain() {
        harness.quay().allowHost("harbor.example.com");
        harness.createConnectionSecret(true);
        harness.startController();
        harness.create(MirrorLifecycleIT.FULL);
        harness.awaitReady("full");
        harness.quay().clearCalls();

        // the old token stops working and the Secret gets a new one (no resync runs in this test)
        String newToken = harness.quay().addToken(ControllerHarness.USER, "org:admin");
        harness.quay().expireToken(harness.token());
        harness.writeTokenSecret(newToken, Map.of());

        await().atMost(Duration.ofSeconds(15)).until(() -> harness.quay().calls().stream().anyMatch(call ->
                call.method().equals("PUT") && call.body().contains("external_registry_password")));
        assertThat(harness.quay().calls()).allMatch(call -> call.status() < 400, "every call made with the new token");
        harness.awaitReady("full");
    }

    @Test
    void repeatedStalledRetriesDoNotRepeatTheWarning() {
        harness.createConnectionSecret(true);
        Main controller = harness.startController(Map.of("orgmirror.reconcile.stalled-retry", "500ms"));
        harness.create(sampleWith("syncInterval", "30s"));
        harness.awaitCondition("sample", Condition.STALLED, "True", "InvalidSpec");

        await().atMost(Duration.ofSeconds(15)).until(() -> reconcilesDone(controller) >= 5);

        assertThat(warningEvents()).filteredOn(note -> note.contains("spec.syncInterval")).hasSize(1);
    }

    /** Stored without the schema, as in a cluster with an old or schema-less CRD. */
    @Test
    void aFieldOfTheWrongTypeStallsOnlyItsResourceNamesTheFieldAndNeverBlocksDeletion() {
        harness.createConnectionSecret(true);
        harness.startController();
        harness.createUnchecked(sampleWith("organization", "other-org").replace("name: sample", "name: ill-typed")
                .replace("organization: \"other-org\"", "organization: {name: other-org}"));
        harness.applySample();

        harness.awaitReady("organizationmirror-sample");
        Condition stalled = harness.awaitCondition("ill-typed", Condition.STALLED, "True", "InvalidSpec");
        assertThat(stalled.message()).startsWith("spec.organization: is an object (expected a string;");
        assertThat(harness.quay().calls()).noneMatch(call -> call.path().contains("other-org"));

        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("ill-typed").delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.mirror("ill-typed") == null);
    }

    @Test
    void anInvalidSpecNeverBlocksDeletionOfAMirrorThatExistsInQuay() {
        harness.createConnectionSecret(true);
        harness.startController();
        harness.create(sampleWith("syncInterval", "2d"));
        harness.awaitReady("sample");
        harness.editSpec("sample", "syncInterval", "30s");
        harness.awaitCondition("sample", Condition.STALLED, "True", "InvalidSpec");
        assertThat(harness.status("sample").existInQuay()).isTrue();

        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("sample").delete();

        // the deletion path reads what it needs (organization, Secret), never validates the rest
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.mirror("sample") == null);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isEmpty();
    }

    @Test
    void ourOwnStatusWritesDoNotCauseAnotherReconcile() {
        harness.createConnectionSecret(true);
        // one worker: keys are reconciled in the order their events arrived
        harness.startController(Map.of("orgmirror.queue.parallelism", "1"));
        harness.applySample();
        harness.awaitReady("organizationmirror-sample");

        // a status-only change, as our own status writes are: a reconcile would compose the status again
        // and drop this message
        GenericKubernetesResource resource = harness.mirror("organizationmirror-sample");
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) resource.getAdditionalProperties().get("status");
        status.put("message", "written by the test");
        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).resource(resource).updateStatus();
        // a later event as a fence: once it is reconciled, any reconcile of the first one would have run
        harness.create(sampleWith("organization", "other-org").replace("name: sample", "name: fence"));
        harness.awaitCondition("fence", Condition.READY, "False", null);

        assertThat(harness.status("organizationmirror-sample").message()).isEqualTo("written by the test");
    }

    @Test
    void aConflictOnTheStatusIsRetriedOnTheLatestObjectInTheSamePass() {
        harness.createConnectionSecret(true);
        harness.startController();
        String statusPath = MockKubernetes.mirrorsPath(NAMESPACE) + "/organizationmirror-sample/status";
        harness.kube().refuseNext(statusPath, 409, 1);

        harness.applySample();

        harness.awaitReady("organizationmirror-sample");
        assertThat(harness.kube().journal(statusPath)).containsOnlyOnce("refused");
        List<String> requests = harness.kube().requestsFrom(ControllerHarness.CONTROLLER_USER_AGENT);
        int refused = requests.indexOf(requests.stream().filter(r -> r.startsWith("PUT ") && r.endsWith("/status"))
                .findFirst().orElseThrow());
        assertThat(requests.subList(refused + 1, requests.size()))
                .as("after the conflict: the latest object read (a pass reads the cache otherwise), then the status"
                        + " written")
                .containsSubsequence("GET " + MockKubernetes.mirrorsPath(NAMESPACE) + "/organizationmirror-sample",
                        "PUT " + statusPath);
        assertThat(harness.failureWarnings("organizationmirror-sample")).as("the pass did not fail").isEmpty();
        assertThat(harness.quay().calls()).as("one create (the verification that follows it is no write)")
                .filteredOn(call -> call.method().equals("POST") && call.path().endsWith("/mirror")).hasSize(1);
    }

    private static long reconcilesDone(Main controller) {
        return ControllerHarness.queue(controller).processedCount();
    }

    private java.util.List<String> warningEvents() {
        return harness.events("Warning", null);
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
