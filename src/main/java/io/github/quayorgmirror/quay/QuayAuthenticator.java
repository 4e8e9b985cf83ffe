package io.github.quayorgmirror.quay;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Bean {@code quayAuth}: adds the credentials of the connection to a prepared request, and tells the route when
 * Quay refused a session so that it signs in again (once) and re-sends.
 */
public class QuayAuthenticator {

    /** The session a request was sent with, to recognise it when Quay refuses it. */
    static final String SESSION_USED = "quaySessionUsed";
    /** The not-yet-signed-in session while the sign-in request is sent. */
    static final String PENDING_SESSION = "quayPendingSession";

    private final QuaySessionStore sessions;

    public QuayAuthenticator(QuaySessionStore sessions) {
        this.sessions = sessions;
    }

    public void authenticate(Exchange exchange) throws Exception {
        QuayRequest request = exchange.getProperty(QuayRequests.REQUEST, QuayRequest.class);
        QuayConnection connection = exchange.getProperty(QuayRequests.CONNECTION, QuayConnection.class);
        exchange.removeProperty(SESSION_USED);
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
                    exchange.setProperty(SESSION_USED, session);
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

    /** Quay refused the session of this call: 401, or 403 with its CSRF error. */
    public boolean sessionRejected(Exchange exchange) {
        Integer status = exchange.getProperty(QuayResponses.HTTP_STATUS, Integer.class);
        return exchange.getProperty(SESSION_USED) != null && status != null
                && (status == 401 || status == 403 && QuayErrorText.isCsrfError(QuayResponses.body(exchange)));
    }

    public void renewSession(Exchange exchange) throws Exception {
        QuayConnection connection = exchange.getProperty(QuayRequests.CONNECTION, QuayConnection.class);
        sessions.renew(connection, exchange.getProperty(SESSION_USED, QuaySession.class));
    }
}
