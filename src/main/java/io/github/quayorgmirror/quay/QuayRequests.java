package io.github.quayorgmirror.quay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Bean {@code quayRequests}: the operation routes define their call here, and {@code quay-http} prepares
 * the message from that definition right before sending it.
 */
public class QuayRequests {

    public static final String REQUEST = "quayRequest";
    public static final String CONNECTION = "quayConnection";
    public static final String ORGANIZATION = "quayOrganization";
    public static final String ROBOT = "quayRobotName";
    public static final String ENDPOINT_URI = "quayEndpointUri";

    /** A call without body; {@code {org}} and {@code {robot}} in the path are filled from the exchange properties. */
    public void define(Exchange exchange, String operation, String method, String pathTemplate) {
        store(exchange, operation, method, pathTemplate, Map.of(), null);
    }

    /** A call whose JSON body is the (already marshalled) message body. */
    public void defineWithBody(Exchange exchange, String operation, String method, String pathTemplate) {
        store(exchange, operation, method, pathTemplate, Map.of(), exchange.getMessage().getBody(String.class));
    }

    /** The repository listing: properties {@code quayPage}, {@code quayLimit}, {@code quayStatus} become the query. */
    public void defineListing(Exchange exchange, String operation, String pathTemplate) {
        Map<String, String> query = new LinkedHashMap<>();
        Map.of("page", "quayPage", "limit", "quayLimit", "status", "quayStatus").forEach((name, property) -> {
            Object value = exchange.getProperty(property);
            if (value != null && !value.toString().isBlank()) {
                query.put(name, value.toString());
            }
        });
        store(exchange, operation, "GET", pathTemplate, query, null);
    }

    private static void store(Exchange exchange, String operation, String method, String pathTemplate,
            Map<String, String> query, String json) {
        String path = pathTemplate;
        if (path.contains("{org}")) {
            path = path.replace("{org}", encode(required(exchange, ORGANIZATION)));
        }
        if (path.contains("{robot}")) {
            String robot = required(exchange, ROBOT);
            path = path.replace("{robot}", encode(robot.substring(robot.indexOf('+') + 1)));
        }
        exchange.removeProperty(QuayMetrics.REDELIVERY_COUNT);
        exchange.setProperty(REQUEST, new QuayRequest(operation, method, path, Map.copyOf(query), json));
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
        if (!request.query().isEmpty()) {
            message.setHeader(Exchange.HTTP_QUERY, QuayEndpoints.query(request.query()));
        }
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
        if (!request.isSignInFlow()) {
            exchange.removeProperty(QuayResponses.RESPONSE_HEADERS);
        }
        exchange.setProperty(REQUEST, request.withoutJson());
    }
}
