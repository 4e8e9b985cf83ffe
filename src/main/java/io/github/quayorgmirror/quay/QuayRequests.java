package io.github.quayorgmirror.quay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;

/**
 * Bean {@code quayRequests}: the operation routes define their call here, and {@code quay-http} prepares
 * the message from that definition right before sending it.
 */
public class QuayRequests {

    public static final String REQUEST = "quayRequest";
    public static final String CONNECTION = "quayConnection";
    public static final String ORGANIZATION = "quayOrganization";
    public static final String ENDPOINT_URI = "quayEndpointUri";

    /** A call without body; {@code {org}} in the path is filled from the exchange property {@code quayOrganization}. */
    public void define(Exchange exchange, QuayOperation operation) {
        store(exchange, operation, null);
    }

    /** A call whose JSON body is the (already marshalled) message body. */
    public void defineWithBody(Exchange exchange, QuayOperation operation) {
        store(exchange, operation, exchange.getMessage().getBody(String.class));
    }

    private static void store(Exchange exchange, QuayOperation operation, String json) {
        String path = operation.pathTemplate();
        if (path.contains("{org}")) {
            path = path.replace("{org}", encode(required(exchange, ORGANIZATION)));
        }
        exchange.removeProperty(QuayMetrics.REDELIVERY_COUNT);
        exchange.setProperty(REQUEST, new QuayRequest(operation, path, json));
    }

    private static String required(Exchange exchange, String property) {
        String value = exchange.getProperty(property, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("exchange property " + property + " is required");
        }
        return value;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Clears every header but Camel's own (the previous answer's, the caller's: they would all become HTTP headers)
     * and sets only what this call needs. Authentication headers are added afterwards by {@code quayAuth}.
     */
    public void prepare(Exchange exchange) {
        exchange.removeProperty(QuayResponses.HTTP_STATUS);
        exchange.removeProperty(QuayResponses.IO_FAILURE);
        QuayRequest request = exchange.getProperty(REQUEST, QuayRequest.class);
        QuayConnection connection = exchange.getProperty(CONNECTION, QuayConnection.class);
        var message = exchange.getMessage();
        // Camel* headers never become HTTP headers, and the error handler counts redeliveries in them
        message.removeHeaders("*", "Camel*");
        message.removeHeaders("CamelHttp*");
        message.setHeader(Exchange.HTTP_METHOD, request.method());
        message.setHeader("Accept", "application/json");
        if (request.json() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        message.setBody(request.json());
        message.setHeader(Exchange.HTTP_PATH, request.path());
        exchange.setProperty(ENDPOINT_URI, QuayEndpoints.uri(connection));
    }

    /**
     * End of {@code quay-http}, whatever happened: the credential headers never stay on the message, and when no
     * answer was recorded (authentication or the call threw) the request body, which may hold a password, goes too.
     */
    public void clearRequest(Exchange exchange) {
        exchange.getMessage().removeHeaders("*", "Camel*");
        if (exchange.getProperty(QuayResponses.HTTP_STATUS) == null && exchange.getProperty(QuayResponses.IO_FAILURE) == null) {
            exchange.getMessage().setBody(null);
        }
    }

    /**
     * End of {@code quay-request}, returning or throwing: the session and answer headers leave the exchange and the
     * request keeps only what describes it (a failure report needs operation and path), not its body.
     */
    public void forgetRequest(Exchange exchange) {
        exchange.removeProperty(QuayAuthenticator.SESSION_USED);
        QuayRequest request = exchange.getProperty(REQUEST, QuayRequest.class);
        if (request == null) {
            return;
        }
        if (!request.operation().startsSession()) {
            exchange.removeProperty(QuayResponses.RESPONSE_HEADERS);
        }
        exchange.setProperty(REQUEST, request.withoutJson());
    }
}
