package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How request bodies are read and rejected before the schema (Flask's get_json and jsonschema's messages). */
class FakeQuayRequestBodyTest extends FakeQuayTestBase {

    @Test
    void nonJsonContentTypeIs415() throws IOException {
        QuayTestClient.Reply reply = alice().send("POST", MIRROR, json(validCreate()), "Content-Type", "text/plain");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().get("message").asText()).isEqualTo(JsonBodies.NOT_JSON);
        assertThat(alice().send("POST", MIRROR, json(validCreate()), "Content-Type", "application/json; charset=UTF-8")
                .status()).isEqualTo(201);
    }

    @Test
    void undecodableBodyIs400WithMessageShape() throws IOException {
        for (String bad : new String[] {"{not json", "", "{} trailing"}) {
            QuayTestClient.Reply reply = alice().put(MIRROR, bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.json().get("message").asText()).startsWith("Failed to decode JSON object");
        }
    }

    @Test
    void jsonNullIsMissingBodyAndNonObjectFailsTheSchema() throws IOException {
        assertThat(alice().post(MIRROR, "null").errorMessage()).isEqualTo("Missing JSON body");
        assertThat(alice().post(MIRROR, "[]").errorMessage()).startsWith("[] is not of type 'object'");
    }

    @Test
    void schemaMessageIsJsonschemaStrWithFailedValidatingBlock() throws IOException {
        String message = alice().post(MIRROR, json(validCreate("sync_interval", 30))).errorMessage();
        assertThat(message).isEqualTo("""
                30 is less than the minimum of 60

                Failed validating 'minimum' in schema['properties']['sync_interval']:
                    {'minimum': 60, 'type': 'integer'}

                On instance['sync_interval']:
                    30""");
    }

    @Test
    void shallowestErrorWinsThenSchemaOrder() throws IOException {
        java.util.Map<String, Object> body = validCreate("visibility", "PUBLIC");
        body.put("sync_interval", "often");
        body.remove("sync_start_date");
        assertThat(alice().post(MIRROR, json(body)).errorMessage()).startsWith("'sync_start_date' is a required property");
        body.put("sync_start_date", "2024-01-01T00:00:00Z");
        assertThat(alice().post(MIRROR, json(body)).errorMessage()).startsWith("'PUBLIC' is not one of ['public', 'private']");
        String nested = alice().post(MIRROR, json(validCreate("external_registry_config",
                java.util.Map.of("proxy", java.util.Map.of("http_proxy", 5))))).errorMessage();
        assertThat(nested).startsWith("5 is not of type 'string', 'null'")
                .contains("On instance['external_registry_config']['proxy']['http_proxy']:");
        assertThat(alice().post(MIRROR, json(validCreate("repository_filters", java.util.List.of("ok", 7)))).errorMessage())
                .startsWith("7 is not of type 'string'").contains("On instance['repository_filters'][1]:");
    }
}
