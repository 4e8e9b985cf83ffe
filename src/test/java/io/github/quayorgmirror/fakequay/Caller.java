package io.github.quayorgmirror.fakequay;

import java.util.Set;

/**
 * Who a request acts as. A session login has the {@code direct_user_login} scope, i.e. every scope, so
 * {@code scopes} is null for it; an OAuth token carries its own scopes.
 */
record Caller(String username, Set<String> scopes, boolean viaBearerToken) {

    static final Caller ANONYMOUS = new Caller(null, Set.of(), false);

    static Caller bearer(String username, Set<String> scopes) {
        return new Caller(username, Set.copyOf(scopes), true);
    }

    static Caller session(String username) {
        return new Caller(username, null, false);
    }

    boolean isAuthenticated() {
        return username != null;
    }

    boolean hasScope(String scope) {
        return scopes == null || scopes.contains(scope);
    }
}
