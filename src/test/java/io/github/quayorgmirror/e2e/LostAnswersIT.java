package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.fakequay.ValidCreateBody;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault suite: answers that come late or never (a create made meanwhile by someone else, a sync-now whose answer was
 * lost, a PUT that failed): nothing duplicated, nothing stalled, nothing recorded as applied that Quay did not accept.
 */
class LostAnswersIT extends HarnessTestBase {

    private static final String NAME = "organizationmirror-sample";
    private static final String MIRROR_PATH = "/api/v1/organization/" + ORGANIZATION + "/mirror";
    /** Stalled resources are not retried during a test: only the fix can make them converge. */
    private static final Map<String, String> NO_STALLED_RETRY = Map.of("orgmirror.reconcile.stalled-retry", "10m");

    @BeforeEach
    void prepare() {
        harness.quay().allowHost("harbor.example.com");
    }

    @Test
    void aCreateRefusedBecauseTheConfigurationAppearedMeanwhileAdoptsItInTheSamePass() {
        harness.startController(NO_STALLED_RETRY);
        // the controller's create is on its way (no read before it: the status never showed the mirror in Quay),
        // and meanwhile another instance creates one
        harness.quay().failNext(FaultSpec.forPath(MIRROR_PATH).method("POST").delay(Duration.ofSeconds(3)));
        harness.applySample();
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().faultsFired() == 1);
        createByHand(Map.of("external_registry_url", "https://quay.io", "external_namespace", "projectquay",
                "sync_interval", 3600));

        harness.awaitReady(NAME);

        assertThat(harness.quay().calls("POST", MIRROR_PATH)).extracting(RecordedCall::status)
                .as("the other instance's create, then ours refused").containsExactly(201, 400);
        assertThat(harness.quay().calls()).extracting(call -> call.method() + " " + call.path())
                .as("refused, then read and adopted with the smallest PUT")
                .containsSubsequence("POST " + MIRROR_PATH, "GET " + MIRROR_PATH, "PUT " + MIRROR_PATH);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow()).containsEntry("sync_interval", 172800L)
                .containsEntry("visibility", "public");
        assertThat(harness.status(NAME).existInQuay()).isTrue();
        assertThat(harness.failureWarnings(NAME)).isEmpty();
    }

    @Test
    void aCreateRefusedBecauseASyncedMirrorFilledTheOrganizationAdoptsTheMirror() {
        // a mirror someone else created has synced: Quay checks "already contains repositories" before "already exists"
        createByHand(Map.of("external_registry_url", "https://quay.io", "external_namespace", "projectquay",
                "sync_interval", 3600));
        harness.quay().addRepository(ORGANIZATION, "quay");
        harness.startController(NO_STALLED_RETRY);

        harness.applySample();

        harness.awaitReady(NAME);
        assertThat(harness.quay().calls("POST", MIRROR_PATH)).extracting(RecordedCall::status)
                .as("the other create, then ours refused").containsExactly(201, 400);
        assertThat(harness.quay().calls("PUT", MIRROR_PATH)).singleElement()
                .satisfies(put -> assertThat(put.bodyJson().orElseThrow()).containsEntry("sync_interval", 172800));
        assertThat(harness.status(NAME).existInQuay()).isTrue();
        assertThat(harness.status(NAME).quay().syncStatus()).isEqualTo("NEVER_RUN");
        assertThat(harness.failureWarnings(NAME)).isEmpty();
    }

    @Test
    void aMirrorMigratedFromTheAnsibleOperatorIsReadFirstAndAdopted() {
        createByHand(Map.of("external_registry_url", "https://quay.io", "external_namespace", "projectquay",
                "sync_interval", 3600));
        harness.applySample();
        // the status the Ansible operator left behind: existInQuay and an empty message, nothing of ours
        GenericKubernetesResource migrated = harness.mirror(NAME);
        migrated.getAdditionalProperties().put("status", new java.util.HashMap<>(Map.of("existInQuay", true, "message", "")));
        MirrorResource.api(harness.kube().client()).inNamespace(migrated.getMetadata().getNamespace())
                .resource(migrated).updateStatus();

        harness.startController(NO_STALLED_RETRY);

        harness.awaitReady(NAME);
        assertThat(harness.quay().calls()).extracting(call -> call.method() + " " + call.path())
                .filteredOn(call -> call.endsWith(MIRROR_PATH))
                .as("read first, then the smallest PUT: no create sent to be refused")
                .containsExactly("POST " + MIRROR_PATH, "GET " + MIRROR_PATH, "PUT " + MIRROR_PATH);
        assertThat(harness.quay().calls("POST", MIRROR_PATH)).as("only the create by hand").hasSize(1);
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow()).containsEntry("sync_interval", 172800L);
    }

    @Test
    void aSyncNowWhoseAnswerWasLostAndIsRefusedWhenRedeliveredFiresOnlyOnce() {
        harness.startController();
        harness.applySample();
        harness.awaitReady(NAME);
        String syncNow = MIRROR_PATH + "/sync-now";
        // Quay starts the sync, its answer is lost; the redelivery finds the sync running
        harness.quay().failNext(FaultSpec.forPath(syncNow).afterProcessing().delay(Duration.ofSeconds(2))
                .dropConnection());

        harness.editSpec(NAME, "forceSync", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().faultsFired() == 1);
        harness.quay().setSyncStatus(ORGANIZATION, "SYNCING");
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.quay().calls("POST", syncNow).size() == 2);
        harness.quay().setSyncStatus(ORGANIZATION, "SUCCESS");

        harness.awaitReady(NAME);
        assertThat(harness.status(NAME).lastForcedSyncGeneration()).isEqualTo(MirrorResource.generation(harness.mirror(NAME)));
        assertThat(harness.quay().calls("POST", syncNow)).extracting(RecordedCall::status)
                .as("the lost answer, then the refused redelivery: no second sync").containsExactly(0, 400);
        assertThat(harness.condition(NAME, Condition.RECONCILING).status()).isEqualTo("False");
    }

    @Test
    void anAdoptedMirrorWhosePutFailedGetsItsRegistryPasswordOnTheNextPass() {
        // Quay holds a password, not the spec's: only the controller's record tells whether it was sent
        createByHand(Map.of("external_registry_type", "harbor", "external_registry_url", "https://harbor.example.com",
                "external_namespace", "library", "external_registry_username", "puller",
                "external_registry_password", "an-old-password"));
        harness.startController();
        // the first PUT (with the password) fails on every attempt of the pass
        harness.quay().failNext(FaultSpec.forPath(MIRROR_PATH).method("PUT").times(3).status(500));

        harness.create(MirrorLifecycleIT.FULL);

        harness.awaitReady("full");
        assertThat(harness.quay().calls("PUT", MIRROR_PATH)).extracting(RecordedCall::status).startsWith(500, 500, 500);
        assertThat(harness.quay().storedPassword(ORGANIZATION)).contains("pull-password-value");
    }

    /** A mirror configuration created in Quay by someone else: the sample's organization and robot. */
    private void createByHand(Map<String, Object> overrides) {
        Map<String, Object> body = ValidCreateBody.startingAt("2026-04-27T13:00:00Z");
        body.put("robot_username", ORGANIZATION + "+" + ControllerHarness.ROBOT);
        body.putAll(overrides);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    harness.quay().baseUri().resolve(MIRROR_PATH))
                    .header("Authorization", "Bearer " + harness.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            io.fabric8.kubernetes.client.utils.Serialization.asJson(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
