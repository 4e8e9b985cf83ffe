package io.github.quayorgmirror.quay;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Bean {@code quayAuth}: adds the credentials of the connection to a prepared request; tells {@code quay-call} when
 * a username/password connection has to sign in first (its sign-in step, an {@code enrich} of {@code quay-signin}
 * aggregated here), and when Quay refused a session so that it signs in again (once) and sends once more. Its steps
 * before and after a send run within {@link QuayCallSteps}.
 */
public class QuayAuthenticator implements AggregationStrategy {

    /** The not-yet-signed-in session while the sign-in request is sent. */
    static final String PENDING_SESSION = "quayPendingSession";

    private final QuaySessionStore sessions;

    public QuayAuthenticator(QuaySessionStore sessions) {
        this.sessions = sessions;
    }

    public void authenticate(Exchange exchange) throws Exception {
        QuayCall call = QuayCall.of(exchange);
        QuayRequest request = call.request();
        QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
        call.attempt().sessionUsed = null;
        switch (request.operation().auth()) {
            case NONE -> {
            }
            case PENDING_SESSION -> useSession(exchange, request, exchange.getProperty(PENDING_SESSION, QuaySession.class));
            case STORED_SESSION -> useSession(exchange, request, sessions.stored(connection));
            case CONNECTION -> {
                if (connection.credentials() instanceof QuayConnection.Credentials.Token token) {
                    exchange.getMessage().setHeader("Authorization", "Bearer " + token.token());
                } else {
                    QuaySession session = sessions.stored(connection);
                    if (session == null) {
                        // the sign-in step ran right before; only a sign-out of this very login in between gets here
                        throw new IllegalStateException("no session for " + connection.baseUri() + " after signing in");
                    }
                    call.attempt().sessionUsed = session;
                    useSession(exchange, request, session);
                }
            }
        }
    }

    private static void useSession(Exchange exchange, QuayRequest request, QuaySession session) {
        if (session == null) {
            return;
        }
        Message message = exchange.getMessage();
        message.setHeader("Cookie", session.cookieHeader());
        if (request.operation().isWrite() && session.csrfToken() != null) {
            message.setHeader("X-CSRF-Token", session.csrfToken());
        }
    }

    /**
     * Before each send: true when the call authenticates with a username/password connection that has no session yet,
     * or whose session Quay refused; the caller then holds the login's lock until {@link #endSignIn}, and
     * {@link #signingIn} says so.
     */
    public boolean beginSignIn(Exchange exchange) {
        QuayCall call = QuayCall.of(exchange);
        QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
        if (call.request().operation().auth() != QuayOperation.Auth.CONNECTION
                || !(connection.credentials() instanceof QuayConnection.Credentials.UsernamePassword)) {
            return false;
        }
        QuaySession rejected = call.attempt().rejected;
        call.attempt().rejected = null;
        call.attempt().signingIn = (rejected != null || sessions.stored(connection) == null)
                && sessions.beginSignIn(connection, rejected);
        return call.attempt().signingIn;
    }

    /** The call holds its login's lock ({@link #beginSignIn}) and signs in next. */
    public boolean signingIn(Exchange exchange) {
        return QuayCall.of(exchange).attempt().signingIn;
    }

    /** The sign-in step's answer ({@code quay-signin} on a copy of the exchange): the session is stored, a failure kept. */
    @Override
    public Exchange aggregate(Exchange call, Exchange signIn) {
        if (signIn.getException() != null) {
            call.setException(signIn.getException());
        } else {
            sessions.signedIn(call.getProperty(QuayCalls.CONNECTION, QuayConnection.class),
                    signIn.getMessage().getBody(QuaySession.class));
        }
        return call;
    }

    /** After the sign-in step, returning or throwing: the lock {@link #beginSignIn} took is released. */
    public void endSignIn(Exchange exchange) {
        QuayCall.Attempt attempt = QuayCall.of(exchange).attempt();
        if (attempt.signingIn) {
            attempt.signingIn = false;
            sessions.endSignIn(exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class));
        }
    }

    /**
     * After a send: when Quay refused the session it was sent with (401, or 403 with its CSRF error), {@code quay-call}
     * signs in again and sends once more. Only once per attempt: a second refusal is a verdict.
     */
    public void renewRejectedSession(Exchange exchange) {
        QuayCall.Attempt attempt = QuayCall.of(exchange).attempt();
        Integer status = attempt.status;
        QuaySession used = attempt.sessionUsed;
        if (used != null && !attempt.renewed && status != null
                && (status == 401 || status == 403 && QuayErrorText.isCsrfError(QuayResponses.body(exchange)))) {
            attempt.rejected = used;
            attempt.renewed = true;
            attempt.resend = true;
        }
    }
}
