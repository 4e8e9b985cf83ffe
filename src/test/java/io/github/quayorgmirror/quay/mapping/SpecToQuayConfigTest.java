package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.MappingFixtures.desired;
import static io.github.quayorgmirror.quay.mapping.MappingFixtures.field;
import static io.github.quayorgmirror.quay.mapping.MappingFixtures.sampleSpec;
import static io.github.quayorgmirror.quay.mapping.MappingFixtures.sampleSpecWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Valid spec values and what Quay gets for them; invalid values are in {@link SpecValidationTest}. */
class SpecToQuayConfigTest {

    @ParameterizedTest(name = "syncInterval \"{0}\" is {1} seconds")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "2d|172800", "12 H|43200", " 90s |90", "60|60", "10m|600", "1w|604800", "3600S|3600", "1h|3600",
        "2147483647|2147483647"})
    void readsSyncInterval(String value, long seconds) {
        assertThat(desired(sampleSpecWith(field("syncInterval", value))).syncIntervalSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "skopeoTimeout \"{0}\" is {1} seconds")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "10m|600", "30|30", "30s|30", "1h|3600", " 5 M |300", "3600|3600", "300|300"})
    void readsSkopeoTimeout(String value, int seconds) {
        assertThat(desired(sampleSpecWith(field("skopeoTimeout", value))).skopeoTimeoutSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "syncStartDate \"{0}\" is sent as {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "2026-04-25T21:06:00Z|2026-04-25T21:06:00Z",
        "2026-04-25T23:06:00+02:00|2026-04-25T21:06:00Z",
        "2026-04-25T21:06:00.123Z|2026-04-25T21:06:00Z",
        "2026-04-25T21:06:59.999999Z|2026-04-25T21:06:59Z",
        "2026-04-25t21:06:00z|2026-04-25T21:06:00Z",
        "2026-04-25 21:06:00Z|2026-04-25T21:06:00Z",
        " 2026-04-25T21:06:00Z |2026-04-25T21:06:00Z",
        "2026-04-25T21:06:00.5-05:30|2026-04-26T02:36:00Z",
        "2026-12-31T23:30:00-01:00|2027-01-01T00:30:00Z"})
    void normalisesSyncStartDateToUtcSeconds(String value, String quayValue) {
        assertThat(desired(sampleSpecWith(field("syncStartDate", value))).syncStartDate()).isEqualTo(quayValue);
    }

    @ParameterizedTest(name = "externalRegistryUrl {0} is accepted unchanged")
    @CsvSource({"https://quay.io", "http://registry.example.com:5000", "HTTPS://Quay.IO/", "https://[2001:db8::1]:8443"})
    void acceptsHttpUrlsWithHost(String url) {
        assertThat(desired(sampleSpecWith(field("externalRegistryUrl", url))).externalRegistryUrl()).isEqualTo(url);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"externalRegistryType,harbor", "visibility,private", "robotUsername,productionmirror+other_robot",
        "externalNamespace,library"})
    void keepsAcceptedValuesVerbatim(String field, String value) {
        DesiredMirrorConfig desired = desired(sampleSpecWith(field(field, value)));
        String actual = switch (field) {
            case "externalRegistryType" -> desired.externalRegistryType();
            case "visibility" -> desired.visibility();
            case "robotUsername" -> desired.robotUsername();
            default -> desired.externalNamespace();
        };
        assertThat(actual).isEqualTo(value);
    }

    @Test
    void fillsQuayCreateDefaultsForOmittedFieldsAndLeavesTheOthersUnset() {
        Map<String, Object> onlyOrganization = new LinkedHashMap<>();
        onlyOrganization.put("organization", "productionmirror");
        OrganizationMirrorSpec spec = MappingFixtures.JSON.convertValue(onlyOrganization, OrganizationMirrorSpec.class);

        DesiredMirrorConfig desired = desired(spec);

        assertThat(desired.isEnabled()).isTrue();
        assertThat(desired.visibility()).isEqualTo("public");
        assertThat(desired.repositoryFilters()).isEmpty();
        assertThat(desired.skopeoTimeoutSeconds()).isEqualTo(300);
        assertThat(desired.syncIntervalSeconds()).isEqualTo(86400);
        assertThat(desired.externalRegistryConfig()).isEqualTo(registryConfig(true, null, null, null));
        assertThat(Arrays.asList(desired.externalRegistryType(), desired.externalRegistryUrl(),
                desired.externalNamespace(), desired.robotUsername(), desired.syncStartDate(),
                desired.externalRegistryUsername(), desired.externalRegistryPassword())).containsOnlyNulls();
    }

    @Test
    void buildsTheCompleteRegistryConfigWithEmptyProxiesAsNullAndProxiesStripped() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("verifyTls", false);
        overrides.put("httpProxy", "  http://proxy.example.com:3128 ");
        overrides.put("httpsProxy", "");
        overrides.put("noProxy", ".example.com,10.0.0.0/8");

        DesiredMirrorConfig desired = desired(sampleSpecWith(overrides));

        assertThat(desired.externalRegistryConfig()).isEqualTo(
                registryConfig(false, "http://proxy.example.com:3128", null, ".example.com,10.0.0.0/8"));
        assertThat(List.copyOf(desired.externalRegistryConfig().keySet())).containsExactly("verify_tls", "proxy");
    }

    @Test
    void sendsProxyCredentialsButNeverShowsThem() {
        String proxy = "http://proxyuser:hunter2-secret@proxy.example.com:3128";
        DesiredMirrorConfig desired = desired(sampleSpecWith(Map.of("httpsProxy", proxy,
                "noProxy", " .example.com , 10.0.0.0/8", "externalRegistryUrl", "https://quay.io/" + "a".repeat(2032))));

        assertThat(desired.externalRegistryConfig())
                .isEqualTo(registryConfig(true, null, proxy, " .example.com , 10.0.0.0/8"));
        assertThat(desired.externalRegistryUrl()).hasSize(2048);
        assertThat(desired.toString()).contains("https_proxy=http://****@proxy.example.com:3128")
                .doesNotContain("hunter2").doesNotContain("proxyuser");
    }

    @Test
    void keepsFilterOrderAndDropsDuplicates() {
        OrganizationMirrorSpec spec = sampleSpecWith(Map.of("repositoryFilters", List.of("redis", "quay*", "redis")));
        assertThat(desired(spec).repositoryFilters()).containsExactly("redis", "quay*");
    }

    @Test
    void treatsBlankCredentialsAsAnonymousAndKeepsGivenOnes() {
        assertThat(desired(sampleSpecWith(Map.of("externalRegistryUsername", "", "externalRegistryPassword", "")))
                .externalRegistryUsername()).isNull();
        DesiredMirrorConfig withCredentials = desired(sampleSpecWith(
                Map.of("externalRegistryUsername", "puller", "externalRegistryPassword", "s3cr3t-value")));
        assertThat(withCredentials.externalRegistryUsername()).isEqualTo("puller");
        assertThat(withCredentials.externalRegistryPassword()).isEqualTo("s3cr3t-value");
        assertThat(withCredentials.toString()).contains("puller").doesNotContain("s3cr3t-value");
    }

    @Test
    void readsHerve4mSampleSpec() {
        DesiredMirrorConfig desired = desired(sampleSpec());
        assertThat(desired.organization()).isEqualTo("productionmirror");
        assertThat(desired.syncIntervalSeconds()).isEqualTo(172800);
        assertThat(desired.syncStartDate()).isEqualTo("2026-04-27T13:00:00Z");
        assertThat(desired.repositoryFilters()).containsExactly("quay", "clair", "redis");
    }

    static Map<String, Object> registryConfig(boolean verifyTls, String http, String https, String noProxy) {
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("http_proxy", http);
        proxy.put("https_proxy", https);
        proxy.put("no_proxy", noProxy);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("verify_tls", verifyTls);
        config.put("proxy", proxy);
        return config;
    }
}
