package io.github.quayorgmirror.quay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the {@code toD} URI of a call. camel-http's dynamic-aware support turns path and query into headers and
 * keeps one endpoint (one connection pool) per host and option set, so the options below decide which pool a
 * connection gets: a {@code validateCerts=false} connection never shares the pool of a verifying one.
 */
final class QuayEndpoints {

    static final String TRUST_ALL_TLS = "quayTrustAllTls";
    static final String NO_HOSTNAME_CHECK = "quayNoHostnameCheck";

    private QuayEndpoints() {
    }

    static String uri(QuayConnection connection, String path, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(connection.baseUri().toString()).append(path).append('?');
        query.forEach((name, value) -> uri.append(name).append('=').append(QuayRequests.encode(value)).append('&'));
        return uri.append(options(connection)).toString();
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
