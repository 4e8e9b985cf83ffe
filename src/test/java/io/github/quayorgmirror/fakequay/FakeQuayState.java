package io.github.quayorgmirror.fakequay;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the fake Quay knows. All fields are guarded by this object's monitor: the router runs
 * each API handler while holding it, and the public test API takes it too.
 */
final class FakeQuayState {

    /** Hosts the fake's DNS answers with a public address, so they pass the SSRF check unlisted. */
    static final Map<String, String> PUBLIC_HOSTS = Map.of(
            "quay.io", "3.220.37.54",
            "registry.example.com", "93.184.215.14",
            "harbor.example.com", "93.184.215.15",
            "source.example.com", "93.184.215.16",
            "docker.io", "44.219.3.189",
            "ghcr.io", "140.82.121.34");

    record User(String name, String password, boolean superuser) {
        @Override
        public String toString() {
            return "User[" + name + ", superuser=" + superuser + "]";
        }
    }

    record Token(String username, Set<String> scopes, boolean expired) {
    }

    boolean orgMirrorFeature = true;
    boolean repoMirrorFeature = true;
    /** False for a Quay older than 3.17: no org-mirror routes, and no ORG_MIRROR key in {@code /config}. */
    boolean orgMirrorApi = true;
    String versionNumber = "Quay 3.17.4";
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, Token> tokens = new HashMap<>();
    final TreeMap<String, Organization> orgs = new TreeMap<>();
    final Set<String> allowedHosts = new LinkedHashSet<>();
    final Map<String, String> dns = new HashMap<>(PUBLIC_HOSTS);
    final Sessions sessions = new Sessions();

    Organization org(String name) {
        return orgs.get(name);
    }

    Organization requireOrg(String name) {
        Organization org = orgs.get(name);
        if (org == null) {
            throw new IllegalArgumentException("fake Quay has no organization " + name);
        }
        return org;
    }

    User requireUser(String name) {
        User user = users.get(name);
        if (user == null) {
            throw new IllegalArgumentException("fake Quay has no user " + name);
        }
        return user;
    }

    boolean isSuperuser(String username) {
        User user = username == null ? null : users.get(username);
        return user != null && user.superuser();
    }

    /** Looks up a robot by its full name {@code namespace+short}, in whatever namespace it lives. */
    Organization.Robot findRobot(String fullName) {
        int plus = fullName.indexOf('+');
        if (plus <= 0 || plus == fullName.length() - 1) {
            return null;
        }
        Organization org = orgs.get(fullName.substring(0, plus));
        return org == null ? null : org.robots.get(fullName.substring(plus + 1));
    }

    /** Resolves the caller from a bearer token; unknown or expired tokens leave the caller anonymous. */
    Caller callerForToken(String token) {
        Token t = token == null ? null : tokens.get(token);
        if (t == null || t.expired() || !users.containsKey(t.username())) {
            return null;
        }
        return Caller.bearer(t.username(), t.scopes());
    }

    // ---- setup operations of the public test API; callers hold the monitor

    void addUser(String username, String password) {
        User old = users.get(username);
        users.put(username, new User(username, password, old != null && old.superuser()));
    }

    void makeSuperuser(String username) {
        User old = users.get(username);
        users.put(username, new User(username, old == null ? null : old.password(), true));
    }

    void addToken(String token, String username, Set<String> scopes) {
        requireUser(username);
        tokens.put(token, new Token(username, Set.copyOf(scopes), false));
    }

    void expireToken(String token) {
        Token t = tokens.get(token);
        if (t != null) {
            tokens.put(token, new Token(t.username(), t.scopes(), true));
        }
    }

    String addRobot(String orgName, String shortName) {
        String fullName = orgName + "+" + shortName;
        requireOrg(orgName).robots.put(shortName,
                new Organization.Robot(fullName, "", Sessions.randomToken(), java.time.Instant.now()));
        return fullName;
    }

    MirrorConfig requireMirror(String orgName) {
        MirrorConfig m = requireOrg(orgName).mirror;
        if (m == null) {
            throw new IllegalStateException("fake Quay org " + orgName + " has no mirror config");
        }
        return m;
    }
}
