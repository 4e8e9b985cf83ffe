package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.*;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mirror configuration a valid spec asks for, in Quay's terms (seconds, lower-case enums, UTC dates).
 * Fields with a Quay create default are never null: a spec that omits them wants the default, so drift in
 * Quay is repaired. Fields without one are null when the spec omits them: type, URL, namespace and robot
 * are then left alone on update; {@code syncStartDate} is then never sent on update.
 *
 * @param syncStartDate the spec's own date in Quay's format, or null when the spec has none
 * @param externalRegistryConfig always the complete object {@code verify_tls} plus {@code proxy} with three keys
 * @param registrySecretVersion resourceVersion of the Secret of {@code externalRegistrySecretRef} the user name and
 *                              password come from, null when they come from the spec itself
 */
public record DesiredMirrorConfig(
        String organization,
        String externalRegistryType,
        String externalRegistryUrl,
        String externalNamespace,
        String robotUsername,
        String visibility,
        long syncIntervalSeconds,
        String syncStartDate,
        boolean isEnabled,
        String externalRegistryUsername,
        String externalRegistryPassword,
        Map<String, Object> externalRegistryConfig,
        List<String> repositoryFilters,
        int skopeoTimeoutSeconds,
        String registrySecretVersion) {

    public DesiredMirrorConfig {
        externalRegistryConfig = Collections.unmodifiableMap(new LinkedHashMap<>(externalRegistryConfig));
        repositoryFilters = List.copyOf(repositoryFilters);
    }

    /** The same configuration with the registry credentials of the Secret of {@code externalRegistrySecretRef}. */
    public DesiredMirrorConfig withRegistryCredentials(String username, String password, String secretVersion) {
        return new DesiredMirrorConfig(organization, externalRegistryType, externalRegistryUrl, externalNamespace,
                robotUsername, visibility, syncIntervalSeconds, syncStartDate, isEnabled, username, password,
                externalRegistryConfig, repositoryFilters, skopeoTimeoutSeconds, secretVersion);
    }

    /**
     * The complete {@code POST} body, in a stable order. Quay requires type, URL, namespace and robot on
     * create; a spec without a start date starts now (UTC from {@code clock}), so the first sync runs at once.
     */
    public Map<String, Object> createBody(Clock clock) throws SpecValidationException {
        SpecProblems problems = new SpecProblems();
        requiredOnCreate("spec.externalRegistryType", externalRegistryType, problems);
        requiredOnCreate("spec.externalRegistryUrl", externalRegistryUrl, problems);
        requiredOnCreate("spec.externalNamespace", externalNamespace, problems);
        requiredOnCreate("spec.robotUsername", robotUsername, problems);
        problems.throwIfAny();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put(EXTERNAL_REGISTRY_TYPE, externalRegistryType);
        body.put(EXTERNAL_REGISTRY_URL, externalRegistryUrl);
        body.put(EXTERNAL_NAMESPACE, externalNamespace);
        body.put(ROBOT_USERNAME, robotUsername);
        body.put(VISIBILITY, visibility);
        body.put(SYNC_INTERVAL, syncIntervalSeconds);
        body.put(SYNC_START_DATE, syncStartDate != null ? syncStartDate : QuayTimestamps.now(clock));
        body.put(IS_ENABLED, isEnabled);
        if (externalRegistryUsername != null) {
            body.put(EXTERNAL_REGISTRY_USERNAME, externalRegistryUsername);
        }
        if (externalRegistryPassword != null) {
            body.put(EXTERNAL_REGISTRY_PASSWORD, externalRegistryPassword);
        }
        body.put(EXTERNAL_REGISTRY_CONFIG, externalRegistryConfig);
        body.put(REPOSITORY_FILTERS, repositoryFilters);
        body.put(SKOPEO_TIMEOUT, skopeoTimeoutSeconds);
        return body;
    }

    private static void requiredOnCreate(String field, String value, SpecProblems problems) {
        if (value == null) {
            problems.add(field, "is not set",
                    "Quay requires it to create the mirror; the CRD marks it \"required when creating\"");
        }
    }

    /** Never shows the password, only whether there is one, nor a proxy's user and password. */
    @Override
    public String toString() {
        return "DesiredMirrorConfig[organization=" + organization + ", externalRegistryType=" + externalRegistryType
                + ", externalRegistryUrl=" + externalRegistryUrl + ", externalNamespace=" + externalNamespace
                + ", robotUsername=" + robotUsername + ", visibility=" + visibility
                + ", syncIntervalSeconds=" + syncIntervalSeconds + ", syncStartDate=" + syncStartDate
                + ", isEnabled=" + isEnabled + ", externalRegistryUsername=" + externalRegistryUsername
                + ", externalRegistryPassword=" + (externalRegistryPassword == null ? "absent" : "***")
                + ", externalRegistryConfig=" + ProxyRule.maskedConfig(externalRegistryConfig) + ", repositoryFilters=" + repositoryFilters
                + ", skopeoTimeoutSeconds=" + skopeoTimeoutSeconds + ", registrySecretVersion=" + registrySecretVersion + "]";
    }
}
