package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.quay.QuayResponseClassifier.OrganizationAccess;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * All the state of one Quay call, in the one exchange property {@code quayCall}: the request as its operation route
 * defined it, the redeliveries so far, and what the current attempt sent and got back. {@link QuayCalls#end} is the
 * one place that forgets what must not outlive the call (request body, session, answer headers).
 */
public final class QuayCall {

    public static final String PROPERTY = "quayCall";

    private QuayRequest request;
    private int redeliveries;
    private QuayUnavailableException unavailable;
    private boolean absent;
    private Attempt attempt = new Attempt();

    /** What one send of the request found out; replaced before each send. */
    static final class Attempt {
        String endpointUri;
        Integer status;
        Exception ioFailure;
        Map<String, Object> answerHeaders = Map.of();
        QuaySession sessionUsed;
        OrganizationAccess organizationAccess = OrganizationAccess.UNKNOWN;
        /** Set when Quay refused the session and a new one was signed in: the request goes once more. */
        boolean resend;
        /** The session was renewed once in this attempt: a second refusal is a verdict. */
        boolean renewed;
        /** The session Quay refused, to be replaced by the sign-in step before the resend. */
        QuaySession rejected;
        /** This call holds its login's lock while it signs in (not the sign-in's own calls). */
        boolean signingIn;
    }

    QuayCall(QuayRequest request) {
        this.request = request;
    }

    /** The call on this exchange, or null before the first operation route ran. */
    public static QuayCall of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, QuayCall.class);
    }

    /** The request of the call on this exchange, or null. */
    public static QuayRequest request(Exchange exchange) {
        QuayCall call = of(exchange);
        return call == null ? null : call.request;
    }

    public QuayRequest request() {
        return request;
    }

    /** The last answer meant "absent" (a 404 that the operation table calls a result). */
    public boolean absent() {
        return absent;
    }

    void absent(boolean value) {
        absent = value;
    }

    int redeliveries() {
        return redeliveries;
    }

    /** Before a redelivery: counted, and the new attempt starts afresh. */
    void redelivered() {
        redeliveries++;
        attempt = new Attempt();
    }

    QuayUnavailableException unavailable() {
        return unavailable;
    }

    void unavailable(QuayUnavailableException value) {
        unavailable = value;
    }

    Attempt attempt() {
        return attempt;
    }

    /** For the loop of {@code quay-call}: the first send, or once more after a session was renewed. */
    public boolean sendAgain() {
        if (attempt.endpointUri == null) {
            return true;
        }
        boolean again = attempt.resend;
        attempt.resend = false;
        return again;
    }

    /** What stays once the call is over: the request without its body, and whether the answer meant "absent". */
    void end() {
        request = request.withoutJson();
        unavailable = null;
        if (!request.operation().startsSession()) {
            attempt = new Attempt();
        } else {
            attempt.sessionUsed = null;
        }
    }

    @Override
    public String toString() {
        return "QuayCall[" + request + ", redeliveries=" + redeliveries + "]";
    }
}
