package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.quay.QuayResponseClassifier.Answer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Bean {@code quayResponses}: records what a send of {@code quay-call} got back and classifies it; turns spent
 * redeliveries into a {@link QuayUnavailableException}, which {@link QuayCalls#end} throws.
 */
public class QuayResponses {

    /** The few answer headers the routes read, moved out of the message (see {@link #record}). */
    private static final List<String> KEPT_RESPONSE_HEADERS = List.of("Set-Cookie", "X-Next-CSRF-Token", "Retry-After", "Location");

    private final long maximumRedeliveryDelayMillis;
    private final Clock clock;

    public QuayResponses(long maximumRedeliveryDelayMillis, Clock clock) {
        this.maximumRedeliveryDelayMillis = maximumRedeliveryDelayMillis;
        this.clock = clock;
    }

    /**
     * After the HTTP call: status and the answer headers the routes need go to the call, the body is read once
     * into a String, and Quay's answer headers leave the message: a session cookie must not travel on to whatever
     * the caller does next.
     */
    public void record(Exchange exchange) {
        Message message = exchange.getMessage();
        QuayCall.Attempt attempt = QuayCall.of(exchange).attempt();
        attempt.status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Map<String, Object> kept = new HashMap<>();
        for (String name : KEPT_RESPONSE_HEADERS) {
            Object value = message.getHeader(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        attempt.answerHeaders = kept;
        message.setBody(message.getBody(String.class));
        MessageHeaders.keepOnlyCamelHeaders(message);
    }

    static Object responseHeader(Exchange exchange, String name) {
        return QuayCall.of(exchange).attempt().answerHeaders.get(name);
    }

    /** The HTTP call threw (no answer): kept for the classifier. */
    public void recordIoFailure(Exchange exchange) {
        QuayCall.Attempt attempt = QuayCall.of(exchange).attempt();
        attempt.status = null;
        attempt.answerHeaders = Map.of();
        attempt.ioFailure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getMessage().setBody(null);
    }

    static String body(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    public boolean needsOrganizationLookup(Exchange exchange) {
        return QuayCall.of(exchange).attempt().status != null && QuayResponseClassifier.needsOrganizationLookup(answer(exchange));
    }

    /**
     * Leaves a 2xx answer's body in place and records whether it meant "absent"; throws a typed failure otherwise. A
     * retryable failure carrying {@code Retry-After} sets {@code CamelRedeliveryDelay}, which Camel's
     * RedeliveryErrorHandler uses instead of the backoff for the next attempt (a {@code Camel*} header never reaches
     * Quay).
     */
    public void classify(Exchange exchange) throws QuayApiException, QuayRetryableException {
        exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        QuayCall call = QuayCall.of(exchange);
        Exception ioFailure = call.attempt().ioFailure;
        if (ioFailure != null) {
            QuayIoFailure.raise(call.request(), exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class), ioFailure);
        }
        Answer answer = answer(exchange);
        try {
            QuayResponseClassifier.check(answer, call.attempt().organizationAccess);
        } catch (QuayRetryableException retryable) {
            if (retryable.retryAfter() != null) {
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY,
                        QuayRetryAfter.redeliveryDelayMillis(retryable.retryAfter(), maximumRedeliveryDelayMillis));
            }
            throw retryable;
        }
        boolean absent = QuayResponseClassifier.isAbsent(answer);
        call.absent(absent);
        if (absent) {
            exchange.getMessage().setBody(null);
        }
    }

    /** False when the last answer meant "absent" (see {@link QuayResponseClassifier#isAbsent}). */
    public boolean found(Exchange exchange) {
        return !QuayCall.of(exchange).absent();
    }

    private Answer answer(Exchange exchange) {
        QuayCall call = QuayCall.of(exchange);
        return new Answer(call.request(), exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class),
                exchange.getProperty(QuayCalls.ORGANIZATION, String.class),
                call.attempt().status == null ? 0 : call.attempt().status, body(exchange),
                QuayRetryAfter.parse((String) responseHeader(exchange, "Retry-After"), clock),
                call.redeliveries() > 0, (String) responseHeader(exchange, "Location"));
    }

    /** Runs once the redeliveries are spent: keeps the failure for {@link QuayCalls#end}. */
    public void markUnavailable(Exchange exchange) {
        QuayCall call = QuayCall.of(exchange);
        QuayRequest request = call.request();
        QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        QuayRetryableException retryable = cause instanceof QuayRetryableException r ? r : null;
        int attempts = 1 + call.redeliveries();
        call.unavailable(new QuayUnavailableException(request.operation().tag(),
                retryable == null ? 0 : retryable.statusCode(), "Quay at " + connection.baseUri() + " is unavailable ("
                + request.operation() + ", " + attempts + " attempts): "
                + (retryable == null ? String.valueOf(cause) : retryable.cause())));
    }
}
