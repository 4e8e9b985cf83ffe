package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /csrf_token}, {@code POST /api/v1/signin}, {@code POST /api/v1/signout} and {@code GET /config}. */
final class AuthHandler {

    private static final JsonNode SIGNIN_SCHEMA = Json.parse("""
            {"type": "object", "required": ["username", "password"],
             "properties": {"username": {"type": "string"}, "password": {"type": "string"},
                            "invite_code": {"type": "string"}}}
            """);

    private final FakeQuayState state;
    private final QuayErrors errors;

    AuthHandler(FakeQuayState state, QuayErrors errors) {
        this.state = state;
        this.errors = errors;
    }

    Response csrfToken(ApiRequest req) {
        Sessions.Session session = req.session != null ? req.session : state.sessions.create();
        return Response.json(200, Map.of("csrf_token", session.csrfToken))
                .withHeader("Set-Cookie", Sessions.setCookie(session));
    }

    /** The router has already checked the CSRF token against the session. */
    Response signin(ApiRequest req) {
        JsonNode body = JsonBodies.validated(req, SIGNIN_SCHEMA, errors);
        FakeQuayState.User user = state.users.get(body.get("username").textValue());
        if (user == null || user.password() == null || !user.password().equals(body.get("password").textValue())) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("needsEmailVerification", false);
            failure.put("invalidCredentials", true);
            failure.put("message", "Invalid username or password");
            return Response.json(403, failure);
        }
        Sessions.Session session = state.sessions.rotate(req.session, user.name());
        return Response.json(200, Map.of("success", true))
                .withHeader("X-Next-CSRF-Token", session.csrfToken)
                .withHeader("Set-Cookie", Sessions.setCookie(session));
    }

    Response signout(ApiRequest req) {
        if (req.session != null) {
            req.session.username = null;
        }
        return Response.json(200, Map.of("success", true));
    }

    Response config(ApiRequest req, String scheme, String hostAndPort) {
        Map<String, Object> features = new LinkedHashMap<>();
        if (state.orgMirrorApi) {
            features.put("ORG_MIRROR", state.orgMirrorFeature);
        }
        features.put("REPO_MIRROR", state.repoMirrorFeature);
        features.put("DIRECT_LOGIN", true);
        features.put("SUPERUSERS_FULL_ACCESS", true);
        features.put("ANONYMOUS_ACCESS", true);
        features.put("BILLING", false);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("SERVER_HOSTNAME", hostAndPort);
        config.put("PREFERRED_URL_SCHEME", scheme);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("config", config);
        body.put("features", features);
        body.put("version_number", state.versionNumber);
        return Response.json(200, body);
    }
}
