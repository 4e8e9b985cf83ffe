package io.github.quayorgmirror.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretReferencesTest {

    @Test
    void indexesTheSecretInTheResourcesNamespaceByDefault() {
        assertThat(SecretReferences.connectionSecretKey(mirror(Map.of("name", "quay")))).containsExactly("team-a/quay");
    }

    @Test
    void indexesTheSecretInAnotherNamespaceWhenNamed() {
        assertThat(SecretReferences.connectionSecretKey(mirror(Map.of("name", "quay", "namespace", "shared"))))
                .containsExactly("shared/quay");
    }

    @Test
    void indexesNothingWithoutASecretName() {
        assertThat(SecretReferences.connectionSecretKey(mirror(Map.of("namespace", "shared")))).isEmpty();
        assertThat(SecretReferences.connectionSecretKey(mirror(Map.of("name", " ")))).isEmpty();
        GenericKubernetesResource secret = new GenericKubernetesResource();
        secret.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("quay").build());
        assertThat(SecretReferences.connectionSecretKey(secret)).isEmpty();
    }

    private static GenericKubernetesResource mirror(Map<String, String> connSecretRef) {
        GenericKubernetesResource mirror = new GenericKubernetesResource();
        mirror.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("m").build());
        mirror.setAdditionalProperty("spec", Map.of("connSecretRef", connSecretRef));
        return mirror;
    }
}
