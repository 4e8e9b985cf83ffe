package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QuayCapabilitiesTest {

    @Test
    void readsTheMirrorFlagsAndTheVersionOfQuaysConfig() {
        QuayCapabilities capabilities = QuayCapabilities.of(Map.of("features",
                Map.of("ORG_MIRROR", false, "REPO_MIRROR", true, "BILLING", false), "version_number", "Quay 3.17.4"));

        assertThat(capabilities).isEqualTo(new QuayCapabilities(false, true, "3.17.4", true));
        assertThat(capabilities.olderThanOrgMirrorApi()).isFalse();
    }

    @Test
    void aVersionBefore317IsOlderThanTheOrgMirrorApiAndAnUnknownOneIsNot() {
        assertThat(QuayCapabilities.of(Map.of("version_number", "Quay 3.16.3")).olderThanOrgMirrorApi()).isTrue();
        assertThat(QuayCapabilities.of(Map.of("version_number", "Quay v2.9")).olderThanOrgMirrorApi()).isTrue();
        assertThat(QuayCapabilities.of(Map.of("version_number", "Quay 4.0.0")).olderThanOrgMirrorApi()).isFalse();
        assertThat(QuayCapabilities.of(Map.of("version_number", "")).olderThanOrgMirrorApi()).isFalse();
        assertThat(QuayCapabilities.UNKNOWN.olderThanOrgMirrorApi()).isFalse();
    }

    @Test
    void aFeatureNotListedIsUnknownNotOff() {
        QuayCapabilities capabilities = QuayCapabilities.of(Map.of("features", Map.of("REPO_MIRROR", true)));

        assertThat(capabilities.orgMirror()).isNull();
        assertThat(capabilities.known()).isTrue();
        assertThat(capabilities.version()).isNull();
    }
}
