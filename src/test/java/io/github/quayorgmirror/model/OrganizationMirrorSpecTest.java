package io.github.quayorgmirror.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationMirrorSpecTest {

    @Test
    void toStringShowsEveryFieldButThePasswordsValue() {
        OrganizationMirrorSpec spec = new OrganizationMirrorSpec(new OrganizationMirrorSpec.ConnSecretRef("quay", null),
                null, "org", "quay", "https://quay.io", "ns", "reader", "registry-pa55word", null, "org+robot", null,
                List.of("app-*"), "2d", null, null, true, null, null, null, null, null);

        assertThat(spec.toString()).doesNotContain("registry-pa55word")
                .contains("externalRegistryPassword=****", "externalRegistryUsername=reader", "organization=org",
                        "repositoryFilters=[app-*]", "connSecretRef=ConnSecretRef[name=quay, namespace=null]");
    }

    @Test
    void anAbsentPasswordShowsAsAbsent() {
        OrganizationMirrorSpec spec = new OrganizationMirrorSpec(null, null, "org", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(spec.toString()).contains("externalRegistryPassword=null");
    }
}
