package io.github.quayorgmirror.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.quay.ConnectionSecretParser;
import io.github.quayorgmirror.reconcile.ControllerFailure;
import io.github.quayorgmirror.reconcile.SecretAccess;
import io.github.quayorgmirror.testing.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The referenced-Secret cache against the mock API server: what it asks for, what it keeps, when it asks again. */
class ReferencedSecretCacheIT {

    private static final String AGENT = "referenced-secret-cache-test";
    private static final String TOKEN = "token-0123456789abcdef";
    private static final String UNRELATED = "unrelated-value-never-kept";
    private static final SecretRef REF = new SecretRef("team-a", "quay");

    private MockKubernetes kube;
    private KubernetesClient client;
    private ReferencedSecretCache cache;
    private final List<SecretRef> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        kube = MockKubernetes.start();
        client = kube.newClient(AGENT);
        cache = new ReferencedSecretCache(client, ConnectionSecretParser.KEYS);
        cache.onChange(changes::add);
        cache.start();
    }

    @AfterEach
    void stop() {
        cache.stop();
        client.close();
        kube.close();
    }

    @Test
    void keepsOnlyTheConnectionKeysOfTheReferencedSecretAndNeverAsksForOthers() {
        for (int i = 0; i < 5; i++) {
            kube.createSecret("team-a", "unrelated-" + i, Map.of("blob", UNRELATED));
        }
        kube.client().secrets().inNamespace("team-a").resource(KubectlApplied.secret("team-a", "quay",
                Map.of("host", "https://quay.example.com", "token", TOKEN, "ca.crt", UNRELATED))).create();

        SecretSnapshot snapshot = cache.read(REF);

        assertThat(snapshot.data()).containsOnlyKeys("host", "token");
        assertThat(snapshot.allowedNamespaces()).isEmpty();
        assertThat(snapshot.toString()).doesNotContain(TOKEN, UNRELATED, "last-applied");
        await().until(() -> kube.openWatches("/api/v1/namespaces/team-a/secrets") == 1);
        assertThat(kube.requestsFrom(AGENT)).as("only the referenced Secret, by name").isNotEmpty().allMatch(request ->
                request.startsWith("GET /api/v1/namespaces/team-a/secrets/quay")
                        || request.contains("fieldSelector=metadata.name%3Dquay"));
    }

    @Test
    void answersFromMemoryUntilTheWatchShowsANewVersion() {
        kube.createSecret("team-a", "quay", Map.of("host", "https://quay.example.com", "token", TOKEN));
        String first = cache.read(REF).resourceVersion();
        await().until(() -> kube.openWatches("/api/v1/namespaces/team-a/secrets") == 1);

        for (int i = 0; i < 5; i++) {
            assertThat(cache.read(REF).resourceVersion()).isEqualTo(first);
        }
        kube.createSecret("team-a", "quay", Map.of("host", "https://quay.example.com", "token", "rotated-token"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !first.equals(cache.read(REF).resourceVersion()));

        assertThat(changes).containsExactly(REF);
        assertThat(cache.read(REF).data()).as("the watch brings the new values")
                .containsEntry("token", java.util.Base64.getEncoder().encodeToString("rotated-token".getBytes()));
        assertThat(kube.requestsFrom(AGENT)).as("one GET, on the first miss").filteredOn(request ->
                request.startsWith("GET /api/v1/namespaces/team-a/secrets/quay")).hasSize(1);
    }

    @Test
    void aDeletedSecretIsAbsentAndItsReturnIsSeen() {
        assertThat(cache.read(REF).exists()).isFalse();
        await().until(() -> kube.openWatches("/api/v1/namespaces/team-a/secrets") == 1);

        kube.createSecret("team-a", "quay", Map.of("host", "https://quay.example.com", "token", TOKEN));
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.read(REF).exists());
        kube.client().secrets().inNamespace("team-a").withName("quay").delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> !cache.read(REF).exists());

        assertThat(changes).containsExactly(REF, REF);
    }

    @Test
    void aSecretNoLongerReferencedIsForgottenWithItsWatch() {
        kube.createSecret("team-a", "quay", Map.of("host", "https://quay.example.com", "token", TOKEN));
        cache.read(REF);
        await().until(() -> kube.openWatches("/api/v1/namespaces/team-a/secrets") == 1);

        cache.forgetUnless(ref -> !ref.equals(REF));

        assertThat(cache.snapshots()).isEmpty();
        await().until(() -> kube.openWatches("/api/v1/namespaces/team-a/secrets") == 0);
    }

    @Test
    void onlyTheCandidatesNoResourceReferencesAreForgottenAndTheirForgettingIsTold() {
        SecretRef other = new SecretRef("team-a", "other");
        List<SecretRef> forgotten = new CopyOnWriteArrayList<>();
        cache.onForget(forgotten::add);
        cache.read(REF);
        cache.read(other);

        cache.forgetUnless(ref -> false, List.of(REF, new SecretRef("team-a", "never-read")));

        assertThat(cache.snapshots()).containsOnlyKeys(other);
        assertThat(forgotten).containsExactly(REF);
    }

    @Test
    void aSecretNoResourceReferencesWhenItIsReadIsNotKept() {
        kube.createSecret("team-a", "quay", Map.of("host", "https://quay.example.com", "token", TOKEN));
        cache.keepWhile(ref -> false);

        assertThat(cache.read(REF).exists()).as("the pass that asked gets it").isTrue();

        assertThat(cache.snapshots()).isEmpty();
        await().until(() -> kube.openWatches("/api/v1/namespaces/team-a/secrets") == 0);
    }

    @Test
    void anotherNamespacesSecretIsRefusedByDefaultWhetherItExistsOrNot() {
        SecretAccess access = new SecretAccess(cache, false);
        kube.createSecret("team-a", "quay", Map.of("host", "https://quay.example.com", "token", TOKEN));

        assertThatThrownBy(() -> access.read("team-b", "spec.connSecretRef", REF))
                .isInstanceOfSatisfying(ControllerFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(ConditionReason.CrossNamespaceSecretRefused);
                    assertThat(failure.permanent()).isTrue();
                    assertThat(failure.getMessage()).contains("spec.connSecretRef", "\"team-a\"", "\"team-b\"",
                            SecretSnapshot.ALLOWED_NAMESPACES, "orgmirror.reconcile.allow-cross-namespace-secrets=true")
                            .doesNotContain("quay.example.com");
                });
        String existing = refusal(access, REF);
        String missing = refusal(access, new SecretRef("team-a", "missing"));
        assertThat(missing).isEqualTo(existing.replace("team-a/quay", "team-a/missing"));
    }

    @Test
    void theSecretsOwnerAllowsNamedNamespacesOrAll() throws Exception {
        SecretAccess access = new SecretAccess(cache, false);
        annotated("quay", "team-b, team-c");
        annotated("shared", "*");

        assertThat(access.read("team-b", "spec.connSecretRef", REF).exists()).isTrue();
        assertThat(access.read("team-c", "spec.connSecretRef", REF).exists()).isTrue();
        assertThat(refusal(access, REF)).contains("team-d");
        assertThat(access.read("team-z", "spec.connSecretRef", new SecretRef("team-a", "shared")).exists()).isTrue();
        assertThat(access.read("team-a", "spec.connSecretRef", REF).exists()).as("its own namespace").isTrue();
    }

    @Test
    void theGlobalSwitchAllowsEveryNamespace() throws Exception {
        kube.createSecret("team-a", "quay", Map.of("host", "https://quay.example.com", "token", TOKEN));

        assertThat(new SecretAccess(cache, true).read("team-b", "spec.connSecretRef", REF).exists()).isTrue();
    }

    private static String refusal(SecretAccess access, SecretRef ref) {
        try {
            access.read("team-d", "spec.connSecretRef", ref);
            throw new AssertionError("not refused: " + ref);
        } catch (ControllerFailure refused) {
            return refused.getMessage();
        }
    }

    private void annotated(String name, String allowed) {
        kube.createSecret("team-a", name, Map.of("host", "https://quay.example.com", "token", TOKEN));
        kube.client().secrets().inNamespace("team-a").withName(name).edit(secret -> {
            secret.getMetadata().setAnnotations(Map.of(SecretSnapshot.ALLOWED_NAMESPACES, allowed));
            return secret;
        });
    }
}
