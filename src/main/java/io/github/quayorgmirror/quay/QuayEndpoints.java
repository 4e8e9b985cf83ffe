package io.github.quayorgmirror.quay;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Builds the {@code toD} endpoint URI of a connection. There is one endpoint (one connection pool) per Quay and
 * option set, so the options decide which pool a connection gets: a {@code validateCerts=false} connection never
 * shares the pool of a verifying one, and timeouts apply per connection.
 */
final class QuayEndpoints {

    static final String TRUST_ALL_TLS = "quayTrustAllTls";
    static final String NO_HOSTNAME_CHECK = "quayNoHostnameCheck";

    /** Far more option sets than a controller's Quays have; past it the cache starts over with those in use. */
    private static final int REMEMBERED = 64;
    private static final Map<Settings, String> URIS = new ConcurrentHashMap<>();

    private QuayEndpoints() {
    }

    /** What an endpoint URI is made of; not the credentials, so Secrets and their rotations share an entry. */
    private record Settings(URI baseUri, boolean validateCerts, Duration timeout) {
    }

    /** The endpoint of a connection: its base URI with the options below; no path, no query. Asked on every send. */
    static String uri(QuayConnection connection) {
        Settings settings = new Settings(connection.baseUri(), connection.validateCerts(), connection.timeout());
        String uri = URIS.get(settings);
        if (uri == null) {
            if (URIS.size() >= REMEMBERED) {
                URIS.clear();
            }
            uri = connection.baseUri() + "?" + options(connection);
            URIS.put(settings, uri);
        }
        return uri;
    }

    private static String options(QuayConnection connection) {
        long millis = connection.timeout().toMillis();
        Map<String, String> options = new LinkedHashMap<>();
        // the classifier reads every status itself; Quay's error bodies are needed to explain a refusal
        options.put("throwExceptionOnFailure", "false");
        options.put("followRedirects", "false");
        options.put("connectTimeout", Long.toString(millis));
        options.put("responseTimeout", Long.toString(millis));
        options.put("soTimeout", Long.toString(millis));
        if (!connection.validateCerts() && "https".equals(connection.baseUri().getScheme())) {
            options.put("sslContextParameters", "#" + TRUST_ALL_TLS);
            options.put("x509HostnameVerifier", "#" + NO_HOSTNAME_CHECK);
        }
        return options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
