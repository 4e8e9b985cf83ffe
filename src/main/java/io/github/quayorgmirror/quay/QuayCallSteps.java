package io.github.quayorgmirror.quay;

import org.apache.camel.Exchange;

/**
 * Bean {@code quayCallSteps}: the steps of {@code quay-call} that always run together, each composed of the other
 * beans' methods. Every step of a route costs Camel's own machinery (pipeline, advices, bean binding) on each send,
 * and a Quay call is on the path of every pass (docs/quay-api.md). What the composition keeps is the order: the
 * leadership fence and the pass deadline before any attempt, and again after a sign-in, which (or waiting for another
 * call's) can outlast the lease or the deadline; the circuit breaker right before the send.
 */
public class QuayCallSteps extends RegistryAwareBean {

    /** May this instance still change Quay? Implemented by the leader election's fence, found in the registry. */
    @FunctionalInterface
    public interface WriteFence {
        void beforeQuayCall(Exchange exchange) throws Exception;
    }

    private final QuayCalls calls;
    private final QuayAuthenticator auth;
    private final QuayPassDeadline deadline;
    private final QuayCircuitBreakers breakers;
    private final QuayResponses responses;
    private final QuayMetrics metrics;

    public QuayCallSteps(QuayCalls calls, QuayAuthenticator auth, QuayPassDeadline deadline,
            QuayCircuitBreakers breakers, QuayResponses responses, QuayMetrics metrics) {
        this.calls = calls;
        this.auth = auth;
        this.deadline = deadline;
        this.breakers = breakers;
        this.responses = responses;
        this.metrics = metrics;
    }

    /**
     * Before each send: prepares the message, fences, checks the deadline; then a call that has to sign in first
     * takes its login's lock, as its last act (the predicate {@code quaySignInNeeded} says so, the sign-in step's
     * {@code doFinally} releases it), and any other call is made ready to send ({@link #afterSignIn}).
     */
    public void beforeSend(Exchange exchange) throws Exception {
        calls.prepare(exchange);
        fence().beforeQuayCall(exchange);
        deadline.check(exchange);
        if (!auth.beginSignIn(exchange)) {
            // checked again: beginSignIn may have waited for another call's sign-in of this login
            readyToSend(exchange);
        }
    }

    /** After the sign-in step: authenticates, fences and checks the deadline again, admits through the breaker. */
    public void afterSignIn(Exchange exchange) throws Exception {
        readyToSend(exchange);
    }

    private void readyToSend(Exchange exchange) throws Exception {
        auth.authenticate(exchange);
        fence().beforeQuayCall(exchange);
        deadline.check(exchange);
        breakers.admit(exchange);
    }

    /** Quay answered: the answer is recorded, the breaker told, the request counted; a refused session is renewed. */
    public void afterAnswer(Exchange exchange) {
        responses.record(exchange);
        breakers.record(exchange);
        metrics.countRequest(exchange);
        auth.renewRejectedSession(exchange);
    }

    /** The send failed with an I/O error (no answer): kept for the classifier, the breaker told, the request counted. */
    public void afterIoFailure(Exchange exchange) {
        responses.recordIoFailure(exchange);
        breakers.record(exchange);
        metrics.countRequest(exchange);
    }

    private WriteFence fence() {
        WriteFence fence = registryBean(WriteFence.class);
        if (fence == null) {
            throw new IllegalStateException("no " + WriteFence.class.getName() + " in the registry");
        }
        return fence;
    }
}
