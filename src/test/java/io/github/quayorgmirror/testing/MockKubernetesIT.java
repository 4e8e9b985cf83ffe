package io.github.quayorgmirror.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockKubernetesIT {

    private static MockKubernetes kubernetes;

    @BeforeAll
    static void startMock() {
        kubernetes = MockKubernetes.start();
    }

    @AfterAll
    static void stopMock() {
        kubernetes.close();
    }

    @Test
    void registersTheCrdFromK8sFolder() {
        assertThat(kubernetes.client().apiextensions().v1().customResourceDefinitions()
                .withName("organizationmirrors.quay.herve4m.github.io").get().getSpec().getNames().getShortNames())
                .containsExactly("orgmirror");
        assertThat(kubernetes.url()).isEqualTo("http://127.0.0.1:" + kubernetes.port() + "/");
    }

    @Test
    void appliesSampleFilesAndEmulatesTheStatusSubresource() {
        kubernetes.apply(Path.of("k8s/samples/organizationmirror-sample.yaml"), "fixture");
        GenericKubernetesResource created = kubernetes.mirrors().inNamespace("fixture")
                .withName("organizationmirror-sample").get();
        created.setAdditionalProperty("status", Map.of("existInQuay", true));

        kubernetes.mirrors().inNamespace("fixture").resource(created).updateStatus();
        GenericKubernetesResource stored = kubernetes.mirrors().inNamespace("fixture").withName("organizationmirror-sample").get();

        assertThat(stored.<String>get("spec", "organization")).isEqualTo("productionmirror");
        assertThat(stored.<Boolean>get("status", "existInQuay")).isTrue();
        assertThat(stored.getMetadata().getGeneration()).isEqualTo(created.getMetadata().getGeneration());
    }

    @Test
    void storesSecretValuesAsBase64Data() {
        kubernetes.createSecret("fixture", "quay", Map.of("host", "https://quay.test", "token", "t0ken"));

        Map<String, String> data = kubernetes.client().secrets().inNamespace("fixture").withName("quay").get().getData();

        assertThat(new String(Base64.getDecoder().decode(data.get("token")), StandardCharsets.UTF_8)).isEqualTo("t0ken");
        assertThat(data).containsOnlyKeys("host", "token");
    }

    @Test
    void writesAKubeconfigThatReachesTheMock(@TempDir Path dir) throws Exception {
        kubernetes.createSecret("fixture", "reachable", Map.of("host", "https://quay.test"));
        Path kubeconfig = kubernetes.writeKubeconfig(dir.resolve("kubeconfig"), "fixture");

        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThat(client.getNamespace()).isEqualTo("fixture");
            assertThat(client.secrets().withName("reachable").get()).isNotNull();
        }
    }

    @Test
    void keepsStoredObjectsAcrossARestart() {
        kubernetes.createSecret("fixture", "survivor", Map.of("host", "https://quay.test"));

        kubernetes.restart();

        assertThat(kubernetes.client().secrets().inNamespace("fixture").withName("survivor").get()).isNotNull();
    }
}
