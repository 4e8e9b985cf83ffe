package io.github.quayorgmirror.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.Test;

class InformerSettingsTest {

    @Test
    void splitsGroupAndVersion() {
        ResourceDefinitionContext context = InformerSettings.resourceContext(
                "quay.herve4m.github.io/v1alpha1", "OrganizationMirror", "organizationmirrors");

        assertThat(context.getGroup()).isEqualTo("quay.herve4m.github.io");
        assertThat(context.getVersion()).isEqualTo("v1alpha1");
        assertThat(context.getPlural()).isEqualTo("organizationmirrors");
        assertThat(context.isNamespaceScoped()).isTrue();
    }

    @Test
    void readsACoreApiVersionAsTheEmptyGroup() {
        ResourceDefinitionContext context = InformerSettings.resourceContext("v1", "Secret", "secrets");

        assertThat(context.getGroup()).isEmpty();
        assertThat(context.getVersion()).isEqualTo("v1");
        assertThat(context.getKind()).isEqualTo("Secret");
    }
}
