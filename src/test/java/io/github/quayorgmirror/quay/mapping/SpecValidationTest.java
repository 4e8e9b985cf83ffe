package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.MappingFixtures.field;
import static io.github.quayorgmirror.quay.mapping.MappingFixtures.sampleSpecWith;
import static io.github.quayorgmirror.quay.mapping.MappingFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every invalid value is refused with the field, the value's problem and the rule it breaks. */
class SpecValidationTest {

    @ParameterizedTest(name = "{0}=\"{1}\" fails: {2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "syncInterval|30s|\"30s\" is 30 seconds|Quay's minimum is 60 seconds",
        "syncInterval|59|\"59\" is 59 seconds|Quay's minimum is 60 seconds",
        "syncInterval|abc|\"abc\" is not a duration|whole number followed by one of the units s, m, h, d, w",
        "syncInterval|1.5h|\"1.5h\" is not a duration|whole number followed by one of the units s, m, h, d, w",
        "syncInterval|-60|\"-60\" is not a duration|whole number followed by one of the units s, m, h, d, w",
        "syncInterval||\"\" is not a duration|whole number followed by one of the units s, m, h, d, w",
        "syncInterval|2y|\"2y\" uses the unit \"y\"|one of the units s, m, h, d, w",
        "syncInterval|5000w|\"5000w\" is 3024000000 seconds|the maximum is 2147483647 seconds",
        "syncInterval|99999999999999999999|is too large|the maximum is 2147483647 seconds",
        "skopeoTimeout|1d|\"1d\" uses the unit \"d\"|one of the units s, m, h, such as",
        "skopeoTimeout|2w|\"2w\" uses the unit \"w\"|one of the units s, m, h, such as",
        "skopeoTimeout|29s|\"29s\" is 29 seconds|Quay 3.17+ rejects values outside 30 to 3600 seconds",
        "skopeoTimeout|3601|\"3601\" is 3601 seconds|Quay 3.17+ rejects values outside 30 to 3600 seconds",
        "skopeoTimeout|2h|\"2h\" is 7200 seconds|although the CRD description says 300 to 43200 seconds",
        "skopeoTimeout|43200|\"43200\" is 43200 seconds|Quay 3.17+ rejects values outside 30 to 3600 seconds",
        "syncStartDate|2026-04-25|\"2026-04-25\" is not a date and time with a zone|for example 2026-04-25T21:06:00Z",
        "syncStartDate|2026-04-25T21:06:00|is not a date and time with a zone|ISO 8601 / RFC 3339 timestamp with time and zone",
        "syncStartDate|2026-13-01T00:00:00Z|is not a date and time with a zone|for example 2026-04-25T21:06:00Z",
        "syncStartDate|+10000-01-01T00:00:00Z|is outside the years 1 to 9999|four-digit year",
        "syncStartDate|0000-06-01T00:00:00Z|is outside the years 1 to 9999|four-digit year",
        "syncStartDate|tomorrow|\"tomorrow\" is not a date and time with a zone|for example 2026-04-25T21:06:00Z",
        "externalRegistryType|Quay|\"Quay\" is not an accepted value|Quay accepts exactly \"quay\" or \"harbor\", in lower case",
        "externalRegistryType|docker|\"docker\" is not an accepted value|exactly \"quay\" or \"harbor\"",
        "visibility|Public|\"Public\" is not an accepted value|Quay accepts exactly \"public\" or \"private\", in lower case",
        "visibility|internal|\"internal\" is not an accepted value|exactly \"public\" or \"private\"",
        "externalRegistryUrl|quay.io|\"quay.io\" has no http or https scheme|Quay allows only the schemes http and https",
        "externalRegistryUrl|quay.io:443|has no http or https scheme|Quay allows only the schemes http and https",
        "externalRegistryUrl|ftp://quay.io|has no http or https scheme|Quay allows only the schemes http and https",
        "externalRegistryUrl|https://|\"https://\" is not a URL|Quay needs an http:// or https:// URL",
        "externalRegistryUrl|http://:5000/v2|has no host name|Quay requires a host name",
        "externalRegistryUrl|https://quay io|is not a URL|Quay needs an http:// or https:// URL",
        "externalRegistryUrl|https://user@quay.io|contains credentials before the host|Quay refuses URLs with embedded credentials",
        "robotUsername|syncrobot|\"syncrobot\" is not a full robot account name|use \"<organization>+<robot>\"",
        "robotUsername|productionmirror+|is not a full robot account name|for example \"productionmirror+syncrobot\"",
        "robotUsername|a+b+c|is not a full robot account name|use \"<organization>+<robot>\"",
        "robotUsername|othermirror+syncrobot|belongs to organization \"othermirror\"|Robot account must belong to the organization",
        "externalNamespace|   |is blank|1 to 255 characters",
        "httpProxy|proxy.example.com:3128|has no http or https scheme|a proxy is an http:// or https:// URL",
        "httpProxy|http://proxy.example.com:70000|has a port outside 1 to 65535|a TCP port",
        "externalRegistryUrl|https://quay.io:99999|has a port outside 1 to 65535|a TCP port",
        "externalRegistryUrl|https://quay.io:0|has a port outside 1 to 65535|a TCP port",
        "httpsProxy|socks5://proxy.example.com:1080|has no http or https scheme|a proxy is an http:// or https:// URL",
        "httpProxy|http://|\"http://\" is not a URL|for example http://proxy.example.com:3128",
        "httpsProxy|http://proxy example:3128|is not a URL|a proxy is an http:// or https:// URL",
        "httpsProxy|http:///cgi|\"http:///cgi\" has no host name|a proxy URL names its host",
        "noProxy|.example.com, intra net|\"intra net\" contains a space|without spaces inside an entry",
        "noProxy|10.0.0.0/8,.corp local|\".corp local\" contains a space|comma-separated list of hosts, domains or CIDRs",
        "organization|  |is blank|name the Quay organization that receives the mirror"})
    void refusesInvalidValue(String field, String value, String problem, String rule) {
        SpecValidationException failure = invalid(sampleSpecWith(field(field, value == null ? "" : value)));

        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("spec." + field);
            assertThat(p.problem()).contains(problem);
            assertThat(p.rule()).contains(rule);
        });
        assertThat(failure.getMessage()).startsWith("spec." + field + ": ").contains(problem).contains(rule);
    }

    @Test
    void refusesEmbeddedCredentialsWithoutRepeatingThem() {
        SpecValidationException failure = invalid(sampleSpecWith(
                field("externalRegistryUrl", "https://puller:hunter2-secret@quay.io/v2")));
        assertThat(failure.getMessage()).contains("spec.externalRegistryUrl", "embedded credentials")
                .doesNotContain("hunter2-secret").doesNotContain("puller");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "httpProxy|http://proxyuser:hunter2-secret@:3128|\"http://****@:3128\" has no host name",
        "httpsProxy|proxyuser:hunter2-secret@proxy.example.com:3128|\"****@proxy.example.com:3128\" has no http",
        "httpsProxy|ftp://proxyuser:hunter2-secret@proxy.example.com|\"ftp://****@proxy.example.com\" has no http",
        "httpProxy|http://proxyuser:hunter2 secret@proxy|\"http://****@proxy\" is not a URL"})
    void refusesProxyWithoutRepeatingItsCredentials(String field, String value, String problem) {
        SpecValidationException failure = invalid(sampleSpecWith(field(field, value)));
        assertThat(failure.getMessage()).contains("spec." + field + ": " + problem)
                .doesNotContain("hunter2").doesNotContain("proxyuser");
    }

    /** Without a scheme the credentials are no user-info to a URL parser, but still a password to hide. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "puller:hunter2-secret@registry.example.com|\"****@registry.example.com\" has no http or https scheme",
        "https:///puller:hunter2-secret@registry.example.com|\"https://****@registry.example.com\" has no host name",
        "puller:hunter2 secret@registry.example.com|\"****@registry.example.com\" is not a URL"})
    void refusesRegistryUrlWithoutRepeatingCredentialsOutsideTheUserInfo(String value, String problem) {
        SpecValidationException failure = invalid(sampleSpecWith(field("externalRegistryUrl", value)));
        assertThat(failure.getMessage()).contains("spec.externalRegistryUrl: " + problem)
                .doesNotContain("hunter2").doesNotContain("puller");
    }

    @Test
    void aLongValueIsCutInTheMessageSoTheStatusCanStillBeWritten() {
        SpecValidationException failure = invalid(sampleSpecWith(field("syncInterval", "x".repeat(40_000))));

        assertThat(failure.getMessage()).contains("\"" + "x".repeat(100) + "\" (cut, 40000 characters) is not a duration")
                .hasSizeLessThan(500);
    }

    @Test
    void controlCharactersAreShownEscaped() {
        SpecValidationException failure = invalid(sampleSpecWith(field("syncInterval", "1d\u0007")));

        assertThat(failure.getMessage()).contains("\"1d\\u0007\" is not a duration");
    }

    @Test
    void refusesUrlLongerThanQuaysColumn() {
        String url = "https://quay.io/" + "a".repeat(2040);
        SpecValidationException failure = invalid(sampleSpecWith(field("externalRegistryUrl", url)));
        assertThat(failure.getMessage()).isEqualTo(
                "spec.externalRegistryUrl: is 2056 characters long (Quay stores at most 2048 characters)");
    }

    @Test
    void refusesPasswordWithoutUsernameWithoutShowingThePassword() {
        SpecValidationException failure = invalid(sampleSpecWith(field("externalRegistryPassword", "hunter2-secret")));
        assertThat(failure.getMessage())
                .contains("spec.externalRegistryPassword: is set without spec.externalRegistryUsername")
                .contains("set both, or neither").doesNotContain("hunter2-secret");
    }

    @Test
    void refusesNamespaceLongerThanQuaysColumn() {
        SpecValidationException failure = invalid(sampleSpecWith(field("externalNamespace", "n".repeat(256))));
        assertThat(failure.getMessage()).contains("spec.externalNamespace: is 256 characters long", "1 to 255 characters");
    }

    @Test
    void requiresOrganization() {
        SpecValidationException failure = invalid(sampleSpecWith(without("organization")));
        assertThat(failure.getMessage()).isEqualTo(
                "spec.organization: is not set (name the Quay organization that receives the mirror)");
    }

    @Test
    void namesEachBlankFilterByIndex() {
        OrganizationMirrorSpec spec = sampleSpecWith(Map.of("repositoryFilters", Arrays.asList("quay", "", "redis", " ")));
        SpecValidationException failure = invalid(spec);
        assertThat(failure.problems()).extracting(FieldProblem::field)
                .containsExactly("spec.repositoryFilters[1]", "spec.repositoryFilters[3]");
        assertThat(failure.getMessage()).contains("glob pattern");
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        OrganizationMirrorSpec spec = sampleSpecWith(Map.of(
                "syncInterval", "30s", "skopeoTimeout", "1d", "visibility", "Private", "syncStartDate", "2026-04-25"));

        SpecValidationException failure = invalid(spec);

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly(
                "spec.visibility", "spec.syncInterval", "spec.skopeoTimeout", "spec.syncStartDate");
        assertThat(failure.getMessage()).isEqualTo(String.join("; ",
                failure.problems().stream().map(FieldProblem::message).toList()));
        assertThat(failure.getMessage()).contains(
                "spec.syncInterval: \"30s\" is 30 seconds (Quay's minimum is 60 seconds;");
    }

    @Test
    void isAPermanentInvalidSpecFailure() {
        SpecValidationException failure = invalid(sampleSpecWith(field("syncInterval", "1s")));
        assertThat(failure.reason()).isEqualTo(ConditionReason.InvalidSpec);
        assertThat(failure.permanent()).isTrue();
    }

    @Test
    void refusesNullFilterEntry() {
        SpecValidationException failure = invalid(sampleSpecWith(Map.of("repositoryFilters", Arrays.asList("quay", null))));
        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("spec.repositoryFilters[1]");
        assertThat(failure.getMessage()).startsWith("spec.repositoryFilters[1]: is null");
    }

    static SpecValidationException invalid(OrganizationMirrorSpec spec) {
        SpecValidationException failure =
                catchThrowableOfType(SpecValidationException.class, () -> SpecToQuayConfig.toDesired(spec));
        assertThat(failure).as("spec must be refused").isNotNull();
        return failure;
    }
}
