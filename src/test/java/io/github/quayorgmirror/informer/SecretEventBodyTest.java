package io.github.quayorgmirror.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class SecretEventBodyTest {

    @Test
    void aSecretEventCarriesNoValues() {
        GenericKubernetesResource secret = Serialization.unmarshal("""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"quay","namespace":"a","annotations":
                 {"kubectl.kubernetes.io/last-applied-configuration":"{\\"data\\":{\\"token\\":\\"c2VjcmV0\\"}}"}},
                 "data":{"token":"c2VjcmV0"},"stringData":{"password":"plain"}}""", GenericKubernetesResource.class);

        GenericKubernetesResource body = InformerEventHandler.withoutSecretData(secret);

        assertThat(body.getAdditionalProperties()).doesNotContainKeys("data", "stringData");
        assertThat(body.getMetadata().getAnnotations()).as("last-applied-configuration repeats the values").isNullOrEmpty();
        assertThat(body.getMetadata().getName()).isEqualTo("quay");
    }

    @Test
    void otherResourcesKeepTheirContent() {
        GenericKubernetesResource mirror = Serialization.unmarshal("""
                {"apiVersion":"quay.herve4m.github.io/v1alpha1","kind":"OrganizationMirror",
                 "metadata":{"name":"m","namespace":"a"},"data":{"kept":"yes"}}""", GenericKubernetesResource.class);

        assertThat(InformerEventHandler.withoutSecretData(mirror).getAdditionalProperties()).containsKey("data");
    }
}
