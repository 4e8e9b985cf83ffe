package io.github.quayorgmirror.quay;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code data} of a connection Secret (base64 values, as the API server returns them) into a
 * {@link QuayConnection}. Keys and defaults follow herve4m's operator: {@code host}, {@code validateCerts}
 * (default true), {@code timeout} (seconds, default 10), {@code token}, or {@code username} and {@code password}.
 */
public final class ConnectionSecretParser {

    /** The keys read from a connection Secret: the values of any other key are never kept. */
    public static final Set<String> KEYS = Set.of("host", "validateCerts", "timeout", "token", "username", "password");

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration MAXIMUM_TIMEOUT = Duration.ofHours(1);

    private ConnectionSecretParser() {
    }

    /**
     * @param secret {@code namespace/name} of the Secret, used in error messages only
     * @param data   the Secret's {@code data} map (may be null for an empty Secret)
     */
    public static QuayConnection parse(String secret, Map<String, String> data) throws ConnectionSecretException {
        SecretValues values = new SecretValues(secret, data == null ? Map.of() : data);
        URI baseUri = baseUri(secret, values.get("host"));
        boolean validateCerts = validateCerts(secret, values.get("validateCerts"));
        Duration timeout = timeout(secret, values.get("timeout"));
        return new QuayConnection(baseUri, validateCerts, timeout, credentials(values));
    }

    static URI baseUri(String secret, String host) throws ConnectionSecretException {
        if (host == null || host.isBlank()) {
            throw new ConnectionSecretException(secret, "host", "is required (the Quay URL, e.g. https://quay.example.com)");
        }
        String text = host.trim();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new ConnectionSecretException(secret, "host", "must be an http or https URL");
            }
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new ConnectionSecretException(secret, "host",
                        "is not a valid Quay URL (expected scheme://host[:port][/path], no user, query or fragment)");
            }
            if (uri.getPort() == 0 || uri.getPort() > 65535) {
                throw new ConnectionSecretException(secret, "host", "has a port outside 1 to 65535");
            }
            if (isApiPath(uri.getPath())) {
                throw new ConnectionSecretException(secret, "host",
                        "must be Quay's base URL, without /api/v1 (e.g. https://quay.example.com)");
            }
            return new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new ConnectionSecretException(secret, "host", "is not a valid URL");
        }
    }

    private static boolean isApiPath(String path) {
        String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return lower.endsWith("/api") || lower.endsWith("/api/v1");
    }

    static boolean validateCerts(String secret, String value) throws ConnectionSecretException {
        if (value == null || value.isBlank()) {
            return true;
        }
        // The spellings Ansible's boolean filter accepts, as the operator we replace read this key with it.
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1", "y", "t" -> true;
            case "false", "no", "off", "0", "n", "f" -> false;
            default -> throw new ConnectionSecretException(secret, "validateCerts",
                    "must be a boolean: true/false, yes/no, on/off or 1/0");
        };
    }

    static Duration timeout(String secret, String value) throws ConnectionSecretException {
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new ConnectionSecretException(secret, "timeout", "must be a number of seconds (e.g. 10 or 2.5)");
        }
        if (seconds.compareTo(BigDecimal.valueOf(MAXIMUM_TIMEOUT.toSeconds())) > 0) {
            throw new ConnectionSecretException(secret, "timeout",
                    "must be at most " + MAXIMUM_TIMEOUT.toSeconds() + " seconds");
        }
        long millis = seconds.movePointRight(3).longValue();
        if (seconds.signum() <= 0 || millis <= 0) {
            throw new ConnectionSecretException(secret, "timeout", "must be greater than 0");
        }
        return Duration.ofMillis(millis);
    }

    private static QuayConnection.Credentials credentials(SecretValues values) throws ConnectionSecretException {
        String token = values.get("token");
        if (token != null && !token.isBlank()) {
            return new QuayConnection.Credentials.Token(bareToken(values.secret, token.strip()));
        }
        String username = values.get("username");
        String password = values.get("password");
        boolean hasUsername = username != null && !username.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasPassword && (password.isBlank() || password.endsWith("\n") || password.endsWith("\r"))) {
            // echo without -n, or a heredoc, adds a line break that Quay would take as part of the password
            throw new ConnectionSecretException(values.secret, "password", "ends with a line break or is only"
                    + " blanks: encode it without one (echo -n ... | base64, or stringData)");
        }
        if (hasUsername && hasPassword) {
            return new QuayConnection.Credentials.UsernamePassword(username.trim(), password);
        }
        if (hasUsername) {
            throw new ConnectionSecretException(values.secret, "password", "is required together with 'username'");
        }
        if (hasPassword) {
            throw new ConnectionSecretException(values.secret, "username", "is required together with 'password'");
        }
        throw new ConnectionSecretException(values.secret, null,
                "has neither 'token' nor 'username' and 'password': one of them is required to sign in to Quay");
    }

    /** The token goes into {@code Authorization: Bearer <token>} as it is: a prefix or a stray space would break it. */
    private static String bareToken(String secret, String token) throws ConnectionSecretException {
        if (token.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())) {
            throw new ConnectionSecretException(secret, "token", "must be the bare token, without \"Bearer \"");
        }
        if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new ConnectionSecretException(secret, "token",
                    "must not contain spaces, line breaks or control characters: put the bare token");
        }
        return token;
    }

    /** Decodes values on access, so an error names the key whose base64 is broken. No toString: it holds secrets. */
    private static final class SecretValues {
        private final String secret;
        private final Map<String, String> data;

        SecretValues(String secret, Map<String, String> data) {
            this.secret = secret;
            this.data = data;
        }

        String get(String key) throws ConnectionSecretException {
            String encoded = data.get(key);
            if (encoded == null) {
                return null;
            }
            try {
                return new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ConnectionSecretException(secret, key, "is not valid base64");
            }
        }
    }
}
