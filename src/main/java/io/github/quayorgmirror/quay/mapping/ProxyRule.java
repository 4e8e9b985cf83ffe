package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.FieldProblem.maskedUrl;
import static io.github.quayorgmirror.quay.mapping.FieldProblem.quoted;
import static io.github.quayorgmirror.quay.mapping.FieldProblem.quotedUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The proxies Quay hands to skopeo (Quay stores them unchecked, docs/quay-api.md): {@code httpProxy} and
 * {@code httpsProxy} are http(s) URLs with a host, {@code noProxy} a comma-separated list. A proxy URL may carry
 * {@code user:password@}; every message and {@code toString()} shows it masked.
 */
final class ProxyRule {

    private static final String PROXY_EXAMPLE = "for example http://proxy.example.com:3128";
    private static final Pattern SPACE_INSIDE_ENTRY = Pattern.compile("\\S\\s+\\S");

    private ProxyRule() {
    }

    /** The proxy URL, null when blank, or null after recording why Quay's mirror worker could not use it. */
    static String proxyUrl(String field, String value, SpecProblems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException notAUri) {
            problems.add(field, quotedUrl(value) + " is not a URL", "a proxy is an http:// or https:// URL, "
                    + PROXY_EXAMPLE);
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add(field, quotedUrl(value) + " has no http or https scheme",
                    "a proxy is an http:// or https:// URL, " + PROXY_EXAMPLE);
            return null;
        }
        if (uri.getHost() == null) {
            problems.add(field, quotedUrl(value) + " has no host name", "a proxy URL names its host, "
                    + PROXY_EXAMPLE);
            return null;
        }
        if (!RegistryUrlRule.portInRange(uri.getRawAuthority())) {
            problems.add(field, quotedUrl(value) + " has a port outside 1 to 65535", "a TCP port, " + PROXY_EXAMPLE);
            return null;
        }
        // checked stripped, so sent stripped: skopeo would not take the blanks
        return value.strip();
    }

    /** The no-proxy list, null when blank, or null after recording why not. */
    static String noProxy(String value, SpecProblems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (String entry : value.split(",", -1)) {
            if (SPACE_INSIDE_ENTRY.matcher(entry).find()) {
                problems.add("spec.noProxy", quoted(entry.strip()) + " contains a space",
                        "a comma-separated list of hosts, domains or CIDRs without spaces inside an entry,"
                                + " for example .example.com,10.0.0.0/8");
                return null;
            }
        }
        return value;
    }

    /** A copy of {@code external_registry_config} whose proxy URLs are masked ({@link FieldProblem#maskedUrl}), for {@code toString()}. */
    static Map<String, Object> maskedConfig(Map<String, Object> registryConfig) {
        Map<String, Object> copy = new LinkedHashMap<>(registryConfig);
        if (registryConfig.get(QuayMirrorKeys.PROXY) instanceof Map<?, ?> proxy) {
            Map<Object, Object> maskedProxy = new LinkedHashMap<>();
            proxy.forEach((key, value) -> maskedProxy.put(key, value instanceof String text ? maskedUrl(text) : value));
            copy.put(QuayMirrorKeys.PROXY, maskedProxy);
        }
        return copy;
    }
}
