package io.github.quayorgmirror.quay;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Bean {@code quayAuth}: adds the credentials of the connection to a prepared request, and tells the route when
 * Quay refused a session so that it signs in again (once) and re-sends.
 */
public class QuayAuthenticator {

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
                    QuaySession session = sessions.session(connection);
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
     * After a send: when Quay refused the session it was sent with (401, or 403 with its CSRF error), signs in again
     * and has {@code quay-call} send once more. Only once per attempt: the resend carries no session to renew.
     */
    public void renewRejectedSession(Exchange exchange) throws Exception {
        QuayCall.Attempt attempt = QuayCall.of(exchange).attempt();
        Integer status = attempt.status;
        QuaySession used = attempt.sessionUsed;
        if (used != null && !attempt.renewed && status != null
                && (status == 401 || status == 403 && QuayErrorText.isCsrfError(QuayResponses.body(exchange)))) {
            QuayConnection connection = exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class);
            sessions.renew(connection, used);
            attempt.renewed = true;
            attempt.resend = true;
        }
    }
}
