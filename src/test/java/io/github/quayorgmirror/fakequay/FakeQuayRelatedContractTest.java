package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract statements 53–57: organization, repositories and robot endpoints, and the error body shape. */
class FakeQuayRelatedContractTest extends FakeQuayTestBase {

    private static final String NEW_REPO = "{\"namespace\": \"org\", \"repository\": \"%s\", \"visibility\": \"private\", "
            + "\"description\": \"\"}";

    @Test
    void statement53_organizationLookup() throws IOException {
        QuayTestClient.Reply missing = alice().get("/api/v1/organization/nosuchorg");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error_type").asText()).isEqualTo("not_found");
        JsonNode asAdmin = alice().get("/api/v1/organization/org").json();
        assertThat(asAdmin.get("name").asText()).isEqualTo("org");
        assertThat(asAdmin.get("is_admin").booleanValue()).isTrue();
        assertThat(asAdmin.get("is_member").booleanValue()).isTrue();
        JsonNode asOther = bob().get("/api/v1/organization/org").json();
        assertThat(asOther.get("is_admin").booleanValue()).isFalse();
        assertThat(asOther.get("is_member").booleanValue()).isFalse();
        assertThat(asOther.get("email").asText()).isEmpty();
        assertThat(asOther.has("invoice_email")).isFalse();
        assertThat(asAdmin.has("invoice_email")).isTrue();
        QuayTestClient.Reply anonymousLook = anonymous().get("/api/v1/organization/org");
        assertThat(anonymousLook.status()).isEqualTo(200);
        assertThat(anonymousLook.json().get("is_admin").booleanValue()).isFalse();
    }

    @Test
    void statement54_repositoryListNeedsNamespaceAndPages() throws IOException {
        QuayTestClient.Reply noFilter = alice().get("/api/v1/repository");
        assertThat(noFilter.status()).isEqualTo(400);
        assertThat(noFilter.json().get("error_type").asText()).isEqualTo("invalid_request");
        JsonNode empty = alice().get("/api/v1/repository?namespace=org").json();
        assertThat(empty.get("repositories")).isEmpty();
        assertThat(empty.has("next_page")).isFalse();
        for (int i = 0; i < 120; i++) {
            quay.addRepository("org", String.format("repo-%03d", i));
        }
        JsonNode first = alice().get("/api/v1/repository?namespace=org").json();
        assertThat(first.get("repositories")).hasSize(100);
        assertThat(first.at("/repositories/0/namespace").asText()).isEqualTo("org");
        String next = first.get("next_page").asText();
        JsonNode second = alice().get("/api/v1/repository?namespace=org&next_page=" + next).json();
        assertThat(second.get("repositories")).hasSize(20);
        assertThat(second.has("next_page")).isFalse();
        List<String> names = new ArrayList<>(first.get("repositories").findValuesAsText("name"));
        names.addAll(second.get("repositories").findValuesAsText("name"));
        assertThat(names).doesNotHaveDuplicates().hasSize(120);
        assertThat(bob().get("/api/v1/repository?namespace=org").json().get("repositories")).isEmpty();
    }

    @Test
    void statement55_robotLookup() throws IOException {
        QuayTestClient.Reply found = alice().get("/api/v1/organization/org/robots/syncrobot");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("name").asText()).isEqualTo("org+syncrobot");
        QuayTestClient.Reply missing = alice().get("/api/v1/organization/org/robots/nosuch");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().toString()).isEqualTo("{\"message\":\"Could not find robot with specified username\"}");
        assertThat(bob().get("/api/v1/organization/org/robots/syncrobot").status()).isEqualTo(403);
    }

    @Test
    void statement56_repositoryCreationRefusedOnceMirrorExists() throws IOException {
        QuayTestClient.Reply before = alice().post("/api/v1/repository", String.format(NEW_REPO, "first"));
        assertThat(before.status()).isEqualTo(201);
        assertThat(alice().delete(MIRROR).status()).isEqualTo(404);
        quay.addOrganization("mirrored");
        quay.makeOrgAdmin("mirrored", "alice");
        quay.addRobot("mirrored", "bot");
        assertThat(alice().post("/api/v1/organization/mirrored/mirror",
                json(validCreate("robot_username", "mirrored+bot"))).status()).isEqualTo(201);
        QuayTestClient.Reply refused = alice().post("/api/v1/repository",
                String.format(NEW_REPO, "second").replace("\"org\"", "\"mirrored\""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage())
                .isEqualTo("Cannot create repository: organization is managed by organization-level mirroring");
        assertThat(quay.repositories("mirrored")).isEmpty();
    }

    @Test
    void statement57_errorBodiesUseTheApiExceptionShape() throws IOException {
        List<QuayTestClient.Reply> errors = List.of(
                alice().post(MIRROR, "{}"),
                alice().get(MIRROR),
                anonymous().get(MIRROR),
                bob().get(MIRROR),
                bob().put(MIRROR, "{}"),
                alice().post(MIRROR + "/sync-now", null),
                alice().get(MIRROR + "/repositories"));
        assertThat(errors).extracting(QuayTestClient.Reply::status).containsExactly(400, 404, 401, 403, 403, 404, 404);
        for (QuayTestClient.Reply error : errors) {
            JsonNode body = error.json();
            List<String> keys = new ArrayList<>();
            body.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("detail", "error_message", "error_type", "title", "type", "status");
            assertThat(body.get("detail")).isEqualTo(body.get("error_message"));
            assertThat(body.get("title")).isEqualTo(body.get("error_type"));
            assertThat(body.get("status").asInt()).isEqualTo(error.status());
            assertThat(body.get("type").asText()).isEqualTo(quay.baseUri() + "/api/v1/error/" + body.get("error_type").asText());
        }
        JsonNode csrf = anonymous().delete(MIRROR).json();
        assertThat(csrf.toString()).isEqualTo("{\"error\":\"CSRF token was invalid or missing.\"}");
    }
}
