package io.github.quayorgmirror.quay;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code quaySessions}: one signed-in session per login ({@link QuayConnection#sessionKey()}), shared by every resource
 * using that login.
 * Sign-in is a step of {@code quay-call} (an {@code enrich} of {@code quay-signin}); this class holds the sessions and the
 * lock of each login, so that concurrent reconciles of one login sign in once, not once each. Sign-out
 * ({@code quay-signout}) is sent from here, at shutdown and for logins no Secret holds any more.
 */
public class QuaySessionStore extends RegistryAwareBean {

    private static final Logger LOG = LoggerFactory.getLogger(QuaySessionStore.class);

    private record Entry(QuayConnection connection, QuaySession session) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile ProducerTemplate template;

    /** The stored session of this login, or null. */
    public QuaySession stored(QuayConnection connection) {
        Entry entry = sessions.get(connection.sessionKey());
        return entry == null ? null : entry.session();
    }

    /**
     * True when this call has to sign in first: there is no session, or the stored one is {@code rejected} (Quay
     * refused it: expired, or signed out elsewhere). Then the caller holds the login's lock until {@link #endSignIn},
     * and a concurrent call of the same login waits here and finds the new session.
     */
    public boolean beginSignIn(QuayConnection connection, QuaySession rejected) {
        String key = connection.sessionKey();
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        QuaySession current = stored(connection);
        if (current != null && current != rejected) {
            lock.unlock();
            return false;
        }
        sessions.remove(key);
        return true;
    }

    /** The session the sign-in of {@link #beginSignIn} got. */
    public void signedIn(QuayConnection connection, QuaySession session) {
        sessions.put(connection.sessionKey(), new Entry(connection, session));
        LOG.info("Signed in to Quay baseUri={} username={}", connection.baseUri(), username(connection));
    }

    /** After the sign-in step, whether it signed in, failed or had nothing to do: the login's lock is released. */
    public void endSignIn(QuayConnection connection) {
        ReentrantLock lock = locks.get(connection.sessionKey());
        if (lock != null && lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    /**
     * Signs every stored session out; failures are logged and ignored (the sessions expire on their own).
     * Each sign-out holds its login's lock, so a sign-in still running finishes first and is signed out too.
     */
    public void signOutAll() {
        signOutUnless(Set.of());
    }

    /** No session held: token connections never have one. */
    public boolean isEmpty() {
        return sessions.isEmpty();
    }

    /**
     * Signs out and forgets every session whose login is not in {@code loginsInUse} ({@link QuayConnection#sessionKey()}):
     * its password was rotated, or no resource references its Secret any more.
     */
    public void signOutUnless(Set<String> loginsInUse) {
        for (String key : sessions.keySet()) {
            if (loginsInUse.contains(key)) {
                continue;
            }
            ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
            lock.lock();
            try {
                Entry entry = sessions.get(key);
                if (entry != null) {
                    // the sign-out call authenticates with the stored session: it is forgotten afterwards
                    signOut(entry.connection());
                    sessions.remove(key);
                }
            } finally {
                lock.unlock();
                // the key holds a hash of the password: nothing of a forgotten login stays
                locks.remove(key, lock);
            }
        }
    }

    private void signOut(QuayConnection connection) {
        Exchange answer = template().send("direct:" + QuayOperation.SIGN_OUT.tag(),
                exchange -> exchange.setProperty(QuayCalls.CONNECTION, connection));
        if (answer.getException() != null) {
            LOG.info("Sign-out from Quay failed baseUri={} username={} cause={}", connection.baseUri(),
                    username(connection), answer.getException().getMessage());
        } else {
            LOG.info("Signed out of Quay baseUri={} username={}", connection.baseUri(), username(connection));
        }
    }

    private static String username(QuayConnection connection) {
        return ((QuayConnection.Credentials.UsernamePassword) connection.credentials()).username();
    }

    private ProducerTemplate template() {
        if (template == null) {
            synchronized (this) {
                if (template == null) {
                    template = getCamelContext().createProducerTemplate();
                }
            }
        }
        return template;
    }
}
