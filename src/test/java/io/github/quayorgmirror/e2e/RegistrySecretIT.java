package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.HarnessTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The source registry's credentials from the Secret of spec.externalRegistrySecretRef. */
class RegistrySecretIT extends HarnessTestBase {

    static final String REGISTRY_SECRET = "harbor-pull";
    static final String WITH_SECRET_REF = """
            apiVersion: quay.herve4m.github.io/v1alpha1
            kind: OrganizationMirror
            metadata:
              name: from-secret
            spec:
              connSecretRef:
                name: quay-credentials-secret
              organization: productionmirror
              externalRegistryType: harbor
              externalRegistryUrl: https://harbor.example.com
              externalNamespace: library
              externalRegistryUsername: inline-user
              robotUsername: productionmirror+syncrobot
              externalRegistrySecretRef:
                name: harbor-pull
            """;
    static final String INLINE = WITH_SECRET_REF.replace("name: from-secret", "name: inline")
            .replace("""
              externalRegistrySecretRef:
                name: harbor-pull
            """, "  externalRegistryPassword: inline-password-value\n");

    @BeforeEach
    void prepare() {
        harness.quay().allowHost("harbor.example.com");
        harness.startController();
    }

    @Test
    void theSecretsCredentialsWinAndARotatedPasswordReachesQuayAloneWithoutAResync() {
        writeRegistrySecret(Map.of("username", "puller", "password", "first-pull-password"));
        harness.create(WITH_SECRET_REF);
        harness.awaitReady("from-secret");
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow())
                .containsEntry("external_registry_username", "puller");
        assertThat(harness.quay().storedPassword(ORGANIZATION)).contains("first-pull-password");
        harness.quay().clearCalls();

        writeRegistrySecret(Map.of("username", "puller", "password", "rotated-pull-password"));

        // the test controller has no periodic resync: only the Secret's watch event can bring the new password
        await().atMost(Duration.ofSeconds(10))
                .until(() -> harness.quay().storedPassword(ORGANIZATION).orElse(""), "rotated-pull-password"::equals);
        harness.awaitReady("from-secret");
        assertThat(writes()).singleElement().satisfies(put -> {
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.bodyJson().orElseThrow()).containsOnlyKeys("external_registry_password");
        });
    }

    @Test
    void aMissingSecretOrKeyStallsNamingItWithoutWritingToQuay() {
        harness.create(WITH_SECRET_REF);

        Condition stalled = harness.awaitCondition("from-secret", Condition.STALLED, "True", "RegistrySecretNotFound");
        assertThat(stalled.message()).contains(NAMESPACE + "/" + REGISTRY_SECRET, "spec.externalRegistrySecretRef");

        writeRegistrySecret(Map.of("username", "puller"));
        stalled = harness.awaitCondition("from-secret", Condition.STALLED, "True", "InvalidRegistrySecret");
        assertThat(stalled.message()).contains(NAMESPACE + "/" + REGISTRY_SECRET, "\"password\"");
        assertThat(writes()).isEmpty();
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isEmpty();

        writeRegistrySecret(Map.of("username", "puller", "password", "late-pull-password"));
        harness.awaitReady("from-secret");
        assertThat(harness.quay().storedPassword(ORGANIZATION)).contains("late-pull-password");
    }

    @Test
    void anInlinePasswordStillWorksAndTheReadyConditionRecommendsTheSecretReference() {
        harness.create(INLINE);
        harness.awaitReady("inline");

        assertThat(harness.quay().storedPassword(ORGANIZATION)).contains("inline-password-value");
        assertThat(harness.condition("inline", Condition.READY).message())
                .contains("spec.externalRegistryPassword is readable", "spec.externalRegistrySecretRef");
    }

    @Test
    void aSecretTheSpecNoLongerNamesIsLetGoAndTheOthersWithTheMirror() {
        String secrets = "/api/v1/namespaces/" + NAMESPACE + "/secrets";
        writeRegistrySecret(Map.of("username", "puller", "password", "first-pull-password"));
        harness.create(WITH_SECRET_REF);
        harness.awaitReady("from-secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.kube().openWatches(secrets) == 2);

        harness.editSpec("from-secret", spec -> {
            spec.remove("externalRegistrySecretRef");
            spec.put("externalRegistryPassword", "inline-password-value");
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> harness.kube().openWatches(secrets) == 1);
        harness.awaitReady("from-secret");
        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("from-secret").delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.kube().openWatches(secrets) == 0);
    }

    private void writeRegistrySecret(Map<String, String> values) {
        harness.kube().createSecret(NAMESPACE, REGISTRY_SECRET, values);
    }

    private List<RecordedCall> writes() {
        return harness.quay().calls().stream()
                .filter(call -> !call.method().equals("GET") && call.path().endsWith("/mirror")).toList();
    }
}
