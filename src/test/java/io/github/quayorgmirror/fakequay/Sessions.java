package io.github.quayorgmirror.fakequay;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side stand-in for Flask's signed session cookie {@code _csrf_token}: the cookie value names a
 * session holding the CSRF token and, after signin, the user.
 */
final class Sessions {

    static final String COOKIE_NAME = "_csrf_token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();

    static final class Session {
        final String id;
        final String csrfToken;
        volatile String username;

        Session(String id, String csrfToken, String username) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.username = username;
        }
    }

    Session create() {
        Session s = new Session(randomToken(), randomToken(), null);
        byId.put(s.id, s);
        return s;
    }

    /** Signin forces a new CSRF token and a new cookie; the old cookie stops naming a session. */
    Session rotate(Session old, String username) {
        if (old != null) {
            byId.remove(old.id);
        }
        Session s = new Session(randomToken(), randomToken(), username);
        byId.put(s.id, s);
        return s;
    }

    Session find(String cookieHeader) {
        String id = cookieValue(cookieHeader);
        return id == null ? null : byId.get(id);
    }

    void expireAll() {
        byId.clear();
    }

    static String setCookie(Session s) {
        return COOKIE_NAME + "=" + s.id + "; HttpOnly; Path=/; SameSite=Lax";
    }

    static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String cookieValue(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals(COOKIE_NAME)) {
                return kv[1];
            }
        }
        return null;
    }
}
