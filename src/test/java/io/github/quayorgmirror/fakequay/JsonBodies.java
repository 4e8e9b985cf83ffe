package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Quay's {@code @validate_json_request} on top of Flask 2.3's {@code request.get_json()}: a non-JSON
 * Content-Type is 415, an undecodable body 400 {@code {"message"}}, a JSON null "Missing JSON body",
 * then the schema. It runs before the permission check.
 */
final class JsonBodies {

    static final String NOT_JSON = "Did not attempt to load JSON data because the request Content-Type was not "
            + "'application/json'.";

    private JsonBodies() {
    }

    static JsonNode validated(ApiRequest req, JsonNode schema, QuayErrors errors) {
        if (!isJsonContentType(req.header("Content-Type"))) {
            throw new QuayError(Response.json(415, Map.of("message", NOT_JSON)));
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(req.body);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || body.isMissingNode()) {
            throw errors.dataModel("Failed to decode JSON object: Expecting value: line 1 column 1 (char 0)");
        }
        if (body.isNull()) {
            throw errors.invalidRequest("Missing JSON body");
        }
        SchemaValidator.validate(body, schema).ifPresent(message -> {
            throw errors.invalidRequest(message);
        });
        return body;
    }

    /** Werkzeug's {@code is_json}: application/json or any application/*+json, parameters ignored. */
    private static boolean isJsonContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }
}
