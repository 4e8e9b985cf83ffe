package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.MappingFixtures.desired;
import static io.github.quayorgmirror.quay.mapping.MappingFixtures.field;
import static io.github.quayorgmirror.quay.mapping.MappingFixtures.sampleSpec;
import static io.github.quayorgmirror.quay.mapping.MappingFixtures.sampleSpecWith;
import static io.github.quayorgmirror.quay.mapping.MappingFixtures.without;
import static io.github.quayorgmirror.quay.mapping.SpecToQuayConfigTest.registryConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The complete POST body Quay gets when the mirror does not exist yet. */
class CreateBodyTest {

    /** A clock whose zone is not UTC and whose instant has a fraction: neither may leak into the body. */
    private static final Clock BERLIN_AT_NOON = Clock.fixed(Instant.parse("2026-05-01T12:00:07.654321Z"),
            ZoneId.of("Europe/Berlin"));

    @Test
    void sendsHerve4mSampleAsCompleteBodyInStableOrder() throws SpecValidationException {
        Map<String, Object> body = desired(sampleSpec()).createBody(BERLIN_AT_NOON);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("external_registry_type", "quay");
        expected.put("external_registry_url", "https://quay.io");
        expected.put("external_namespace", "projectquay");
        expected.put("robot_username", "productionmirror+syncrobot");
        expected.put("visibility", "public");
        expected.put("sync_interval", 172800L);
        expected.put("sync_start_date", "2026-04-27T13:00:00Z");
        expected.put("is_enabled", true);
        expected.put("external_registry_config", registryConfig(true, null, null, null));
        expected.put("repository_filters", List.of("quay", "clair", "redis"));
        expected.put("skopeo_timeout", 300);
        assertThat(body).isEqualTo(expected);
        assertThat(List.copyOf(body.keySet())).containsExactlyElementsOf(expected.keySet());
    }

    @Test
    void startsNowInUtcTruncatedToSecondsWhenSpecHasNoStartDate() throws SpecValidationException {
        Map<String, Object> body = desired(sampleSpecWith(without("syncStartDate"))).createBody(BERLIN_AT_NOON);
        assertThat(body).containsEntry("sync_start_date", "2026-05-01T12:00:07Z");
    }

    @Test
    void sendsQuayDefaultsForEveryOmittedOptionalField() throws SpecValidationException {
        Map<String, Object> body = desired(sampleSpecWith(
                without("visibility", "repositoryFilters", "syncInterval", "isEnabled"))).createBody(BERLIN_AT_NOON);

        assertThat(body).containsEntry("visibility", "public").containsEntry("repository_filters", List.of())
                .containsEntry("sync_interval", 86400L).containsEntry("is_enabled", true)
                .containsEntry("skopeo_timeout", 300)
                .containsEntry("external_registry_config", registryConfig(true, null, null, null))
                .doesNotContainKeys("external_registry_username", "external_registry_password");
    }

    @Test
    void includesCredentialsWhenTheSpecHasThem() throws SpecValidationException {
        Map<String, Object> body = desired(sampleSpecWith(Map.of("externalRegistryUsername", "puller",
                "externalRegistryPassword", "s3cr3t-value", "httpsProxy", "http://proxy:3128")))
                .createBody(BERLIN_AT_NOON);

        assertThat(body).containsEntry("external_registry_username", "puller")
                .containsEntry("external_registry_password", "s3cr3t-value")
                .containsEntry("external_registry_config", registryConfig(true, null, "http://proxy:3128", null));
    }

    @ParameterizedTest(name = "create without {0} is refused")
    @CsvSource({"externalRegistryType", "externalRegistryUrl", "externalNamespace", "robotUsername"})
    void refusesCreateWithoutAFieldQuayRequires(String missing) {
        DesiredMirrorConfig desired = desired(sampleSpecWith(without(missing)));

        SpecValidationException failure =
                catchThrowableOfType(SpecValidationException.class, () -> desired.createBody(BERLIN_AT_NOON));

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("spec." + missing);
        assertThat(failure.getMessage()).contains("spec." + missing + ": is not set")
                .contains("Quay requires it to create the mirror").contains("required when creating");
    }

    @Test
    void namesEveryMissingCreateFieldAtOnce() {
        DesiredMirrorConfig desired = desired(sampleSpecWith(
                without("externalRegistryType", "externalRegistryUrl", "externalNamespace", "robotUsername")));

        SpecValidationException failure =
                catchThrowableOfType(SpecValidationException.class, () -> desired.createBody(BERLIN_AT_NOON));

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("spec.externalRegistryType",
                "spec.externalRegistryUrl", "spec.externalNamespace", "spec.robotUsername");
    }
}
