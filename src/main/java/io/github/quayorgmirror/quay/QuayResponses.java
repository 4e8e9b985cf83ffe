package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.quay.QuayResponseClassifier.Answer;
import io.github.quayorgmirror.quay.QuayResponseClassifier.OrganizationAccess;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Bean {@code quayResponses}: records what {@code quay-http} got back and classifies it for {@code quay-send};
 * turns spent redeliveries into a {@link QuayUnavailableException} for {@code quay-request}.
 */
public class QuayResponses {

    public static final String HTTP_STATUS = "quayHttpStatus";
    public static final String ABSENT = "quayAbsent";
    static final String IO_FAILURE = "quayIoFailure";
    static final String ORGANIZATION_ACCESS = "quayOrganizationAccess";
    static final String UNAVAILABLE = "quayUnavailable";
    /** The few answer headers the routes read, moved out of the message (see {@link #record}). */
    static final String RESPONSE_HEADERS = "quayResponseHeaders";
    private static final List<String> KEPT_RESPONSE_HEADERS = List.of("Set-Cookie", "X-Next-CSRF-Token", "Retry-After", "Location");

    private final long maximumRedeliveryDelayMillis;
    private final Clock clock;

    public QuayResponses(long maximumRedeliveryDelayMillis, Clock clock) {
        this.maximumRedeliveryDelayMillis = maximumRedeliveryDelayMillis;
        this.clock = clock;
    }

    /**
     * After the HTTP call: status and the answer headers the routes need go to properties, the body is read once
     * into a String, and Quay's answer headers leave the message: a session cookie must not travel on to whatever
     * the caller does next.
     */
    public void record(Exchange exchange) {
        Message message = exchange.getMessage();
        exchange.removeProperty(IO_FAILURE);
        exchange.removeProperty(ORGANIZATION_ACCESS);
        exchange.setProperty(HTTP_STATUS, message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
        Map<String, Object> kept = new HashMap<>();
        for (String name : KEPT_RESPONSE_HEADERS) {
            Object value = message.getHeader(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        exchange.setProperty(RESPONSE_HEADERS, kept);
        message.setBody(message.getBody(String.class));
        message.removeHeaders("*", "Camel*");
    }

    static Object responseHeader(Exchange exchange, String name) {
        Map<?, ?> headers = exchange.getProperty(RESPONSE_HEADERS, Map.class);
        return headers == null ? null : headers.get(name);
    }

    /** The HTTP call threw (no answer): kept for the classifier. */
    public void recordIoFailure(Exchange exchange) {
        exchange.removeProperty(HTTP_STATUS);
        exchange.removeProperty(ORGANIZATION_ACCESS);
        exchange.removeProperty(RESPONSE_HEADERS);
        exchange.setProperty(IO_FAILURE, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        exchange.getMessage().setBody(null);
    }

    static String body(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    public boolean needsOrganizationLookup(Exchange exchange) {
        return exchange.getProperty(HTTP_STATUS) != null && QuayResponseClassifier.needsOrganizationLookup(answer(exchange));
    }

    /**
     * Leaves a 2xx answer's body in place and sets {@code quayAbsent}; throws a typed failure otherwise. A retryable
     * failure carrying {@code Retry-After} sets {@code CamelRedeliveryDelay}, which Camel's RedeliveryErrorHandler
     * uses instead of the backoff for the next attempt (a {@code Camel*} header never reaches Quay).
     */
    public void classify(Exchange exchange) throws QuayApiException, QuayRetryableException {
        exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        Exception ioFailure = exchange.getProperty(IO_FAILURE, Exception.class);
        if (ioFailure != null) {
            QuayIoFailure.raise(exchange.getProperty(QuayRequests.REQUEST, QuayRequest.class),
                    exchange.getProperty(QuayRequests.CONNECTION, QuayConnection.class), ioFailure);
        }
        Answer answer = answer(exchange);
        try {
            OrganizationAccess access = exchange.getProperty(ORGANIZATION_ACCESS, OrganizationAccess.UNKNOWN,
                    OrganizationAccess.class);
            QuayResponseClassifier.check(answer, access);
        } catch (QuayRetryableException retryable) {
            if (retryable.retryAfter() != null) {
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY,
                        QuayRetryAfter.redeliveryDelayMillis(retryable.retryAfter(), maximumRedeliveryDelayMillis));
            }
            throw retryable;
        }
        boolean absent = QuayResponseClassifier.isAbsent(answer);
        exchange.setProperty(ABSENT, absent);
        if (absent) {
            exchange.getMessage().setBody(null);
        }
    }

    /** False when the last answer meant "absent" (see {@link QuayResponseClassifier#isAbsent}). */
    public boolean found(Exchange exchange) {
        return !exchange.getProperty(ABSENT, false, Boolean.class);
    }

    private Answer answer(Exchange exchange) {
        return new Answer(exchange.getProperty(QuayRequests.REQUEST, QuayRequest.class),
                exchange.getProperty(QuayRequests.CONNECTION, QuayConnection.class),
                exchange.getProperty(QuayRequests.ORGANIZATION, String.class),
                exchange.getProperty(HTTP_STATUS, 0, Integer.class), body(exchange),
                QuayRetryAfter.parse((String) responseHeader(exchange, "Retry-After"), clock),
                exchange.getProperty(QuayMetrics.REDELIVERY_COUNT, 0, Integer.class) > 0,
                (String) responseHeader(exchange, "Location"));
    }

    /** Runs once the redeliveries are spent: keeps the failure for {@link #raiseUnavailable}. */
    public void markUnavailable(Exchange exchange) {
        QuayRequest request = exchange.getProperty(QuayRequests.REQUEST, QuayRequest.class);
        QuayConnection connection = exchange.getProperty(QuayRequests.CONNECTION, QuayConnection.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        QuayRetryableException retryable = cause instanceof QuayRetryableException r ? r : null;
        int attempts = 1 + exchange.getProperty(QuayMetrics.REDELIVERY_COUNT, 0, Integer.class);
        exchange.setProperty(UNAVAILABLE, new QuayUnavailableException(request.operation().tag(),
                retryable == null ? 0 : retryable.statusCode(), "Quay at " + connection.baseUri() + " is unavailable ("
                + request.operation() + ", " + attempts + " attempts): "
                + (retryable == null ? String.valueOf(cause) : retryable.cause())));
    }

    public void raiseUnavailable(Exchange exchange) throws QuayUnavailableException {
        QuayUnavailableException unavailable = exchange.getProperty(UNAVAILABLE, QuayUnavailableException.class);
        if (unavailable != null) {
            exchange.removeProperty(UNAVAILABLE);
            throw unavailable;
        }
    }
}
