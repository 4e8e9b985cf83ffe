package io.github.quayorgmirror.quay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the human part of Quay's error bodies, whichever of its three shapes it came in (docs/quay-api.md). */
final class QuayErrorText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 300;
    static final String CSRF_ERROR = "CSRF token was invalid or missing";

    private QuayErrorText() {
    }

    /** First line of {@code error_message}, else {@code message}, {@code error} or {@code detail}; null if none. */
    static String of(String body) {
        JsonNode json = parse(body);
        for (String field : new String[] {"error_message", "message", "error", "detail"}) {
            JsonNode value = json == null ? null : json.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                String firstLine = value.asText().strip().lines().findFirst().orElse("");
                return firstLine.length() > MAX_LENGTH ? firstLine.substring(0, MAX_LENGTH) + "…" : firstLine;
            }
        }
        return null;
    }

    static boolean isCsrfError(String body) {
        JsonNode json = parse(body);
        JsonNode error = json == null ? null : json.get("error");
        return error != null && error.isTextual() && error.asText().startsWith(CSRF_ERROR);
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
