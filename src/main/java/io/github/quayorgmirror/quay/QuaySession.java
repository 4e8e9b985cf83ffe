package io.github.quayorgmirror.quay;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Quay web session: the cookies Quay set (its session cookie is, confusingly, named {@code _csrf_token}) and the
 * CSRF token to send as {@code X-CSRF-Token} on writes. Both are credentials: {@link #toString()} hides them.
 */
public record QuaySession(Map<String, String> cookies, String csrfToken) {

    public QuaySession {
        cookies = Collections.unmodifiableMap(new LinkedHashMap<>(cookies));
    }

    /** Adds the cookies of {@code Set-Cookie} answer headers (one string or a list of them); a re-issued cookie wins. */
    public QuaySession withCookiesFrom(Object setCookieHeader, String newCsrfToken) {
        Map<String, String> merged = new LinkedHashMap<>(cookies);
        for (String setCookie : values(setCookieHeader)) {
            String pair = setCookie.split(";", 2)[0].trim();
            int equals = pair.indexOf('=');
            if (equals > 0) {
                merged.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return new QuaySession(merged, newCsrfToken);
    }

    private static Collection<String> values(Object header) {
        if (header instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return header == null ? List.of() : List.of(header.toString());
    }

    /** The {@code Cookie} request header. */
    public String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return "QuaySession[cookies=" + cookies.keySet() + ", csrfToken=****]";
    }
}
