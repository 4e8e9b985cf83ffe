package io.github.quayorgmirror.quay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;

/**
 * Bean {@code quayCalls}: an operation route defines its call here ({@link #define}), {@code quay-call} prepares the
 * message for each send and clears it afterwards, and {@link #end} closes the call, returning or throwing.
 */
public class QuayCalls {

    public static final String CONNECTION = "quayConnection";
    public static final String ORGANIZATION = "quayOrganization";
    /** The endpoint of the current attempt, for the {@code toD} of {@code quay-call}: a plain property read. */
    public static final String ENDPOINT = "quayEndpointUri";

    /**
     * A call without body; {@code {org}} in the path is filled from the exchange property {@code quayOrganization}.
     * The operation comes as its name and is looked up here: Camel's own text-to-enum conversion of the bean
     * parameter scans every type converter on each call (docs/design.md, "Where we wrote our own").
     */
    public void define(Exchange exchange, String operation) {
        store(exchange, QuayOperation.valueOf(operation), null);
    }

    /** A call whose JSON body is the (already marshalled) message body. */
    public void defineWithBody(Exchange exchange, String operation) {
        store(exchange, QuayOperation.valueOf(operation), exchange.getMessage().getBody(String.class));
    }

    private static void store(Exchange exchange, QuayOperation operation, String json) {
        String path = operation.pathTemplate();
        if (path.contains("{org}")) {
            path = path.replace("{org}", encode(required(exchange, ORGANIZATION)));
        }
        exchange.setProperty(QuayCall.PROPERTY, new QuayCall(new QuayRequest(operation, path, json)));
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
     * Before each send: clears every header but Camel's own (the previous answer's, the caller's: they would all
     * become HTTP headers) and sets only what this call needs. Authentication headers are added afterwards by
     * {@code quayAuth}.
     */
    public void prepare(Exchange exchange) {
        QuayCall call = QuayCall.of(exchange);
        QuayRequest request = call.request();
        QuayCall.Attempt attempt = call.attempt();
        attempt.status = null;
        attempt.ioFailure = null;
        attempt.organizationAccess = QuayResponseClassifier.OrganizationAccess.UNKNOWN;
        attempt.endpointUri = QuayEndpoints.uri(exchange.getProperty(CONNECTION, QuayConnection.class));
        exchange.setProperty(ENDPOINT, attempt.endpointUri);
        var message = exchange.getMessage();
        // Camel* headers never become HTTP headers, and the error handler counts redeliveries in them
        MessageHeaders.keepOnlyCamelHeaders(message);
        MessageHeaders.removeCamelHttpHeaders(message);
        // the enum camel-http reads: as text it would be converted on each send, scanning every type converter
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        message.setHeader("Accept", "application/json");
        if (request.json() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        message.setBody(request.json());
        message.setHeader(Exchange.HTTP_PATH, request.path());
    }

    /**
     * After each send, whatever happened: the credential headers never stay on the message, and when no answer was
     * recorded (authentication or the call threw) the request body, which may hold a password, goes too.
     */
    public void clearMessage(Exchange exchange) {
        MessageHeaders.keepOnlyCamelHeaders(exchange.getMessage());
        QuayCall.Attempt attempt = QuayCall.of(exchange).attempt();
        if (attempt.status == null && attempt.ioFailure == null) {
            exchange.getMessage().setBody(null);
        }
    }

    /**
     * The end of every call, in its operation route when it returns and in the route configuration's
     * {@code onException} when it throws: the call keeps only what describes it ({@link QuayCall#end}); after spent
     * redeliveries the {@link QuayUnavailableException} is thrown.
     */
    public void end(Exchange exchange) throws QuayUnavailableException {
        QuayCall call = QuayCall.of(exchange);
        if (call == null) {
            return;
        }
        QuayUnavailableException unavailable = call.unavailable();
        call.end();
        exchange.removeProperty(ENDPOINT);
        if (unavailable != null) {
            throw unavailable;
        }
    }

    /** {@link #end} of a call whose answer the caller does not get: the body is null afterwards. */
    public void endWithoutAnswer(Exchange exchange) throws QuayUnavailableException {
        end(exchange);
        exchange.getMessage().setBody(null);
    }
}
