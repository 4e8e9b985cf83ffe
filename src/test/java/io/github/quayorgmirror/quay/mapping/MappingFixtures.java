package io.github.quayorgmirror.quay.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import io.github.quayorgmirror.model.QuayMirrorState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Specs and Quay answers built the way the controller receives them (JSON through Jackson), starting from
 * herve4m's sample OrganizationMirror (/work/shared/reference/herve4m/organizationmirror-sample.yaml).
 */
final class MappingFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SAMPLE_START = "2026-04-27T13:00:00Z";

    private MappingFixtures() {
    }

    /** herve4m's sample spec, field for field. */
    static Map<String, Object> sampleSpecFields() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("connSecretRef", Map.of("name", "quay-credentials-secret"));
        spec.put("preserveInQuayOnDeletion", false);
        spec.put("organization", "productionmirror");
        spec.put("externalRegistryType", "quay");
        spec.put("externalRegistryUrl", "https://quay.io");
        spec.put("externalNamespace", "projectquay");
        spec.put("robotUsername", "productionmirror+syncrobot");
        spec.put("visibility", "public");
        spec.put("repositoryFilters", List.of("quay", "clair", "redis"));
        spec.put("syncInterval", "2d");
        spec.put("syncStartDate", SAMPLE_START);
        spec.put("isEnabled", true);
        return spec;
    }

    /** The sample spec with some fields replaced; a null value removes the field. */
    static OrganizationMirrorSpec sampleSpecWith(Map<String, ?> overrides) {
        Map<String, Object> fields = sampleSpecFields();
        overrides.forEach((key, value) -> {
            if (value == null) {
                fields.remove(key);
            } else {
                fields.put(key, value);
            }
        });
        return JSON.convertValue(fields, OrganizationMirrorSpec.class);
    }

    static OrganizationMirrorSpec sampleSpec() {
        return sampleSpecWith(Map.of());
    }

    /** Overrides that remove the named spec fields. */
    static Map<String, String> without(String... names) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String name : names) {
            overrides.put(name, null);
        }
        return overrides;
    }

    static Map<String, String> field(String name, String value) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(name, value);
        return overrides;
    }

    /**
     * Quay's GET after the sample was created and has synced once: the start date has moved on, status
     * fields are server-owned, the password is only a flag.
     */
    static Map<String, Object> quayStateFields() {
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("http_proxy", null);
        proxy.put("https_proxy", null);
        proxy.put("no_proxy", null);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("is_enabled", true);
        state.put("external_registry_type", "quay");
        state.put("external_registry_url", "https://quay.io");
        state.put("external_namespace", "projectquay");
        state.put("external_registry_username", null);
        state.put("has_external_registry_password", false);
        state.put("external_registry_config", Map.of("verify_tls", true, "proxy", proxy));
        state.put("repository_filters", List.of("quay", "clair", "redis"));
        state.put("robot_username", "productionmirror+syncrobot");
        state.put("visibility", "public");
        state.put("sync_interval", 172800);
        state.put("sync_start_date", "2026-04-29T13:00:00.482113Z");
        state.put("sync_expiration_date", null);
        state.put("sync_status", "SUCCESS");
        state.put("sync_retries_remaining", 3);
        state.put("repo_sync_status_counts", Map.of("SUCCESS", 3, "FAIL", 0));
        state.put("skopeo_timeout", 300);
        state.put("creation_date", "2026-04-23T14:09:52.950894Z");
        return state;
    }

    /** Quay's answer with some keys replaced (a null value is kept: Quay sends every key). */
    static QuayMirrorState quayStateWith(Map<String, ?> overrides) {
        Map<String, Object> fields = quayStateFields();
        fields.putAll(overrides);
        return JSON.convertValue(fields, QuayMirrorState.class);
    }

    static QuayMirrorState quayState() {
        return quayStateWith(Map.of());
    }

    static DesiredMirrorConfig desired(OrganizationMirrorSpec spec) {
        try {
            return SpecToQuayConfig.toDesired(spec);
        } catch (SpecValidationException e) {
            throw new AssertionError("fixture spec must be valid: " + e.getMessage(), e);
        }
    }
}
