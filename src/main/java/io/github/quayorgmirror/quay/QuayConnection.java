package io.github.quayorgmirror.quay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How to reach one Quay and who to be there, as read from a connection Secret.
 * The credential values are deliberately left out of {@link #toString()}.
 *
 * @param baseUri       scheme, host and port (and a path prefix if Quay is served under one), no trailing slash
 * @param validateCerts false turns off certificate and hostname checks for this connection only
 * @param timeout       connect and response timeout for each request
 * @param credentials   a bearer token, or a username and password for the session sign-in flow
 */
public record QuayConnection(URI baseUri, boolean validateCerts, Duration timeout, Credentials credentials) {

    public QuayConnection {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Sessions are shared per (Quay, certificate checking, user, password): a Secret with a wrong password must
     * sign in itself rather than reuse another Secret's session, and neither may a connection that skips the
     * certificate checks reuse one made over verified TLS. The password enters as a SHA-256 hash, kept in memory
     * only. Token connections never need a session.
     */
    public String sessionKey() {
        return credentials instanceof Credentials.UsernamePassword up
                ? baseUri + "|" + validateCerts + "|" + up.username() + "|" + sha256Hex(up.password())
                : null;
    }

    private static String sha256Hex(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "QuayConnection[baseUri=" + baseUri + ", validateCerts=" + validateCerts + ", timeout=" + timeout
                + ", auth=" + credentials.kind() + "]";
    }

    public sealed interface Credentials permits Credentials.Token, Credentials.UsernamePassword {
        String kind();

        record Token(String token) implements Credentials {
            public String kind() {
                return "token";
            }

            @Override
            public String toString() {
                return "Token[****]";
            }
        }

        record UsernamePassword(String username, String password) implements Credentials {
            public String kind() {
                return "username/password";
            }

            @Override
            public String toString() {
                return "UsernamePassword[username=" + username + ", password=****]";
            }
        }
    }
}
