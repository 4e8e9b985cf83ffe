package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract statements 17–28: create. */
class FakeQuayCreateContractTest extends FakeQuayTestBase {

    private void assertRejected(Map<String, Object> body, String messageStart) throws IOException {
        QuayTestClient.Reply reply = alice().post(MIRROR, json(body));
        assertThat(reply.status()).as("%s", body).isEqualTo(400);
        assertThat(reply.errorMessage()).as("%s", body).startsWith(messageStart);
        assertThat(quay.mirrorConfig("org")).isEmpty();
    }

    private void assertAcceptedThenDelete(Map<String, Object> body) throws IOException {
        QuayTestClient.Reply reply = alice().post(MIRROR, json(body));
        assertThat(reply.status()).as("%s -> %s", body, reply.body()).isEqualTo(201);
        assertThat(alice().delete(MIRROR).status()).isEqualTo(204);
    }

    @Test
    void statement17_validCreateIs201WithDefaults() throws IOException {
        QuayTestClient.Reply reply = alice().post(MIRROR, json(validCreate()));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().isTextual()).isTrue();
        assertThat(reply.json().textValue()).isEmpty();
        QuayTestClient.Reply get = alice().get(MIRROR);
        assertThat(get.json().get("sync_status").asText()).isEqualTo("NEVER_RUN");
        assertThat(get.json().get("sync_retries_remaining").asInt()).isEqualTo(3);
        assertThat(get.json().get("is_enabled").booleanValue()).isTrue();
        assertThat(get.json().get("skopeo_timeout").asInt()).isEqualTo(300);
        assertThat(get.json().get("repository_filters").isArray()).isTrue();
        assertThat(get.json().get("repository_filters")).isEmpty();
        assertThat(get.json().get("external_registry_config").isObject()).isTrue();
        assertThat(get.json().get("external_registry_config")).isEmpty();
        assertThat(get.json().get("robot_username").asText()).isEqualTo("org+syncrobot");
    }

    @Test
    void statement18_missingRequiredFieldIs400NamingIt() throws IOException {
        for (String field : List.of("external_registry_type", "external_registry_url", "external_namespace",
                "robot_username", "visibility", "sync_interval", "sync_start_date")) {
            Map<String, Object> body = validCreate();
            body.remove(field);
            assertRejected(body, "'" + field + "' is a required property");
        }
    }

    @Test
    void statement19_typeAndVisibilityEnumsAreCaseSensitive() throws IOException {
        assertRejected(validCreate("external_registry_type", "Quay"), "'Quay' is not one of ['harbor', 'quay']");
        assertRejected(validCreate("external_registry_type", "docker"), "'docker' is not one of ['harbor', 'quay']");
        assertRejected(validCreate("visibility", "Private"), "'Private' is not one of ['public', 'private']");
        assertRejected(validCreate("visibility", "internal"), "'internal' is not one of");
        assertAcceptedThenDelete(validCreate("external_registry_type", "harbor"));
        assertAcceptedThenDelete(validCreate("visibility", "public"));
    }

    @Test
    void statement20_syncIntervalMinimumIs60() throws IOException {
        assertRejected(validCreate("sync_interval", 59), "59 is less than the minimum of 60");
        assertRejected(validCreate("sync_interval", "3600"), "'3600' is not of type 'integer'");
        assertAcceptedThenDelete(validCreate("sync_interval", 60));
    }

    @Test
    void statement21_skopeoTimeoutRangeIs30To3600() throws IOException {
        assertRejected(validCreate("skopeo_timeout", 29), "29 is less than the minimum of 30");
        assertRejected(validCreate("skopeo_timeout", 3601), "3601 is greater than the maximum of 3600");
        assertAcceptedThenDelete(validCreate("skopeo_timeout", 30));
        alice().post(MIRROR, json(validCreate("skopeo_timeout", 3600)));
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("skopeo_timeout", 3600);
    }

    @Test
    void statement22_syncStartDateMustMatchExactFormat() throws IOException {
        for (String bad : List.of("2026-01-01T00:00:00.123Z", "2026-01-01T00:00:00+00:00", "January 1, 2025",
                "2026-01-01 00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00")) {
            QuayTestClient.Reply reply = alice().post(MIRROR, json(validCreate("sync_start_date", bad)));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorMessage()).isEqualTo(MirrorValidator.BAD_DATE);
        }
        assertThat(quay.mirrorConfig("org")).isEmpty();
        alice().post(MIRROR, json(validCreate("sync_start_date", "2001-02-03T04:05:06Z")));
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_start_date", "2001-02-03T04:05:06Z");
    }

    @Test
    void statement23_robotMustExistAndBelongToTheOrg() throws IOException {
        assertRejected(validCreate("robot_username", "org+nosuch"), "Invalid robot account: org+nosuch");
        assertRejected(validCreate("robot_username", "plainname"), "Invalid robot account: plainname");
        QuayTestClient.Reply foreign = alice().post(MIRROR, json(validCreate("robot_username", "other+otherbot")));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorMessage()).isEqualTo("Robot account must belong to the organization");
    }

    @Test
    void statement24_urlNeedsSchemeAndMustPassSsrfCheck() throws IOException {
        QuayTestClient.Reply noScheme = alice().post(MIRROR, json(validCreate("external_registry_url", "quay.io")));
        assertThat(noScheme.status()).isEqualTo(400);
        assertThat(noScheme.errorMessage()).contains("scheme").isEqualTo(
                "Invalid URL scheme '': only HTTP and HTTPS are allowed");
        assertRejected(validCreate("external_registry_url", "ftp://quay.io"), "Invalid URL scheme 'ftp'");
        for (String blocked : List.of("http://localhost:5000", "https://registry.local", "https://reg.internal",
                "http://127.0.0.1", "http://10.1.2.3", "http://192.168.1.5", "http://169.254.169.254",
                "http://[::1]:8080", "http://metadata.google.internal", "http://kubernetes.default")) {
            QuayTestClient.Reply reply = alice().post(MIRROR, json(validCreate("external_registry_url", blocked)));
            assertThat(reply.errorMessage()).as(blocked).isEqualTo(SsrfCheck.NOT_ALLOWED);
        }
        quay.addDnsRecord("sneaky.example.net", "10.9.8.7");
        assertRejected(validCreate("external_registry_url", "https://sneaky.example.net"), SsrfCheck.NOT_ALLOWED);
        assertRejected(validCreate("external_registry_url", "https://unknown.example.net"),
                "Cannot resolve hostname 'unknown.example.net'");
        assertRejected(validCreate("external_registry_url", "https://u:p@quay.io"),
                "URLs with embedded credentials are not allowed");
        quay.allowHost("registry.local");
        quay.allowHost("127.0.0.1");
        assertAcceptedThenDelete(validCreate("external_registry_url", "https://registry.local"));
        assertAcceptedThenDelete(validCreate("external_registry_url", "http://127.0.0.1:5000"));
        assertAcceptedThenDelete(validCreate("external_registry_url", "https://harbor.example.com"));
    }

    @Test
    void statement25_orgWithRepositoriesIsRejected() throws IOException {
        quay.addRepository("org", "existing");
        QuayTestClient.Reply reply = alice().post(MIRROR, json(validCreate()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).contains("already contains repositories").isEqualTo(OrgMirrorHandler.NOT_EMPTY);
        assertThat(quay.mirrorConfig("org")).isEmpty();
    }

    @Test
    void statement26_secondCreateIs400NotConflict() throws IOException {
        createMirror(validCreate());
        QuayTestClient.Reply second = alice().post(MIRROR, json(validCreate("sync_interval", 7200)));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.errorMessage()).isEqualTo("Mirror configuration already exists for this organization");
        assertThat(quay.mirrorConfig("org").orElseThrow()).containsEntry("sync_interval", 3600L);
    }

    @Test
    void statement27_missingOrgIs404ForFullAccessSuperuser() throws IOException {
        QuayTestClient.Reply reply = root().post("/api/v1/organization/nosuchorg/mirror", json(validCreate()));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error_type").asText()).isEqualTo("not_found");
        String noSuperScope = quay.addToken("root", "org:admin");
        assertThat(anonymous().bearer(noSuperScope).post("/api/v1/organization/nosuchorg/mirror", json(validCreate()))
                .status()).isEqualTo(403);
        assertThat(root().post(MIRROR, json(validCreate())).status()).isEqualTo(201);
    }

    @Test
    void statement28_unknownFieldsAreIgnored() throws IOException {
        Map<String, Object> body = validCreate("delete_stale_repos", true);
        body.put("architecture_filter", List.of("amd64"));
        body.put("externalRegistryType", "whatever");
        assertThat(alice().post(MIRROR, json(body)).status()).isEqualTo(201);
        assertThat(alice().get(MIRROR).json().has("delete_stale_repos")).isFalse();
        assertThat(alice().put(MIRROR, "{\"delete_stale_repos\": false}").status()).isEqualTo(200);
    }
}
