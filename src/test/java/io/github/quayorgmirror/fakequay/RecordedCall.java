package io.github.quayorgmirror.fakequay;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, with secrets masked: the Authorization, Cookie and X-CSRF-Token
 * header values and the {@code password} and {@code external_registry_password} body fields read
 * {@code ****}.
 *
 * @param headers request headers, case-insensitive keys
 * @param body    the request body as text (masked), empty when there was none
 * @param status  the HTTP status answered, 0 when the connection was dropped without an answer
 */
public record RecordedCall(String method, String path, String query, Map<String, List<String>> headers, String body,
                           int status) {

    public static final String MASK = "****";

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body parsed as a JSON object; empty when the body is empty or not an object. */
    public Optional<Map<String, Object>> bodyJson() {
        var node = Json.parseOrNull(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return node != null && node.isObject() ? Optional.of(Json.toMap(node)) : Optional.empty();
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
