package io.github.quayorgmirror.fakequay;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three error body shapes of Quay (docs/quay-api.md): ApiException, {@code util/http.abort}
 * and the global DataModelException handler.
 */
final class QuayErrors {

    static final String CSRF_MESSAGE = "CSRF token was invalid or missing.";

    private final URI baseUri;

    QuayErrors(URI baseUri) {
        this.baseUri = baseUri;
    }

    QuayError invalidRequest(String message) {
        return apiException(400, "invalid_request", message);
    }

    QuayError notFound() {
        return apiException(404, "not_found", "Not Found");
    }

    QuayError requiresAuthentication() {
        return apiException(401, "invalid_token", "Requires authentication");
    }

    QuayError unauthorized() {
        return apiException(403, "insufficient_scope", "Unauthorized");
    }

    /** CSRF failure: {@code util/http.abort} adds the auth context when there is one. */
    QuayError csrf(String authorizedAs) {
        String message = authorizedAs == null ? CSRF_MESSAGE : CSRF_MESSAGE + " (authorized: " + authorizedAs + ")";
        return new QuayError(Response.json(403, Map.of("error", message)));
    }

    QuayError dataModel(String message) {
        return new QuayError(Response.json(400, Map.of("message", message)));
    }

    QuayError apiException(int status, String errorType, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", message);
        body.put("error_message", message);
        body.put("error_type", errorType);
        body.put("title", errorType);
        body.put("type", baseUri + "/api/v1/error/" + errorType);
        body.put("status", status);
        return new QuayError(Response.json(status, body));
    }
}
