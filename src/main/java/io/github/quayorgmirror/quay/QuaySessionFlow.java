package io.github.quayorgmirror.quay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Bean {@code quaySessionFlow}: the transformations of the sign-in routes (docs/quay-api.md). Reads the
 * answer headers that {@code quay-call} kept in the call; the values never go to a log.
 */
public class QuaySessionFlow {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code GET /csrf_token}: {@code {"csrf_token": T}} plus the session cookie becomes the pending session. */
    public QuaySession pendingSession(Exchange exchange) throws QuayRejectedException {
        JsonNode json = QuayErrorText.parse(exchange.getMessage().getBody(String.class));
        JsonNode token = json == null ? null : json.get("csrf_token");
        if (token == null || !token.isTextual()) {
            throw new QuayRejectedException(QuayOperation.CSRF_TOKEN.tag(), 200, "Quay at " + baseUri(exchange)
                    + " gave no csrf_token on GET /csrf_token: is it Quay 3.17 or later?");
        }
        return new QuaySession(Map.of(), null).withCookiesFrom(QuayResponses.responseHeader(exchange, "Set-Cookie"),
                token.asText());
    }

    /** {@code {"username": …, "password": …}} for {@code POST /api/v1/signin}. */
    public String signInBody(Exchange exchange) {
        QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
        var credentials = (QuayConnection.Credentials.UsernamePassword) connection.credentials();
        ObjectNode body = JSON.createObjectNode();
        body.put("username", credentials.username());
        body.put("password", credentials.password());
        return body.toString();
    }

    /** After the sign-in: the re-issued cookie and {@code X-Next-CSRF-Token} replace the pending ones. */
    public QuaySession signedInSession(Exchange exchange) throws QuayRejectedException {
        QuaySession pending = exchange.getProperty(QuayAuthenticator.PENDING_SESSION, QuaySession.class);
        Object next = QuayResponses.responseHeader(exchange, "X-Next-CSRF-Token");
        if (next == null || next.toString().isBlank()) {
            throw new QuayRejectedException(QuayOperation.SIGN_IN.tag(), 200, "Quay at " + baseUri(exchange)
                    + " accepted the sign-in but sent no X-Next-CSRF-Token header");
        }
        return pending.withCookiesFrom(QuayResponses.responseHeader(exchange, "Set-Cookie"), next.toString());
    }

    private static Object baseUri(Exchange exchange) {
        return exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class).baseUri();
    }
}
