package io.github.quayorgmirror.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import io.github.quayorgmirror.resource.MirrorResource;
import java.util.List;
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

    @Test
    void indexesNothingWithoutASpecObject() {
        GenericKubernetesResource mirror = withSpec("not an object");
        assertThat(SecretReferences.connectionSecretKey(mirror)).isEmpty();
        assertThat(SecretReferences.registrySecretKey(mirror)).isEmpty();
    }

    /** The index must name the Secrets the pass reads, also for references the CRD's schema would have refused. */
    @Test
    void readsBothReferencesAsThePassReadsTheSpecWhateverTheirShape() {
        List<Object> shapes = List.of(Map.of("name", "quay"), Map.of("name", 42), Map.of("name", true, "namespace", 7),
                Map.of("name", "quay", "namespace", ""), Map.of("name", Map.of("x", "y")),
                Map.of("name", "quay", "namespace", List.of("a")), List.of("quay"), "quay", Map.of());
        for (Object shape : shapes) {
            GenericKubernetesResource mirror = withSpec(Map.of("connSecretRef", shape, "externalRegistrySecretRef", shape));
            OrganizationMirrorSpec spec = MirrorResource.spec(mirror);
            assertThat(SecretReferences.connectionSecretKey(mirror)).as("connSecretRef %s", shape)
                    .isEqualTo(keyOf(spec.connSecretRef()));
            assertThat(SecretReferences.registrySecretKey(mirror)).as("externalRegistrySecretRef %s", shape)
                    .isEqualTo(keyOf(spec.externalRegistrySecretRef()));
        }
    }

    private static List<String> keyOf(OrganizationMirrorSpec.ConnSecretRef ref) {
        return ref == null || ref.name() == null || ref.name().isBlank() ? List.of()
                : List.of(ref.namespaceOr("team-a") + "/" + ref.name());
    }

    private static GenericKubernetesResource mirror(Map<String, String> connSecretRef) {
        return withSpec(Map.of("connSecretRef", connSecretRef));
    }

    private static GenericKubernetesResource withSpec(Object spec) {
        GenericKubernetesResource mirror = new GenericKubernetesResource();
        mirror.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("m").build());
        mirror.setAdditionalProperty("spec", spec);
        return mirror;
    }
}
