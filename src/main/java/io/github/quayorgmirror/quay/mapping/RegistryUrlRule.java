package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.FieldProblem.quotedUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Quay's URL check (docs/quay-api.md) that needs no DNS: an http(s) scheme, a host,
 * no credentials. Whether Quay's SSRF filter allows the host is only known once Quay answers.
 */
final class RegistryUrlRule {

    static final String FIELD = "spec.externalRegistryUrl";
    /** The length of Quay's {@code external_registry_url} column. */
    static final int MAX_LENGTH = 2048;
    private static final Pattern EMBEDDED_CREDENTIALS = Pattern.compile("^[^:/?#]+://[^/?#]*@");
    private static final String EXAMPLE = "for example https://quay.io";
    private static final Pattern PORT = Pattern.compile(":(\\d+)$");

    private RegistryUrlRule() {
    }

    /** The URL unchanged when Quay can take it, or null after recording why not. */
    static String check(String url, SpecProblems problems) {
        if (url == null) {
            return null;
        }
        // Checked first, and every message below masks the user-info too: it may hold a password even
        // where the value is no URL at all (user:password@host without a scheme).
        if (EMBEDDED_CREDENTIALS.matcher(url).find()) {
            problems.add(FIELD, "contains credentials before the host (user:password@)",
                    "Quay refuses URLs with embedded credentials; put them in spec.externalRegistryUsername"
                            + " and spec.externalRegistryPassword");
            return null;
        }
        if (url.length() > MAX_LENGTH) {
            problems.add(FIELD, "is " + url.length() + " characters long",
                    "Quay stores at most " + MAX_LENGTH + " characters");
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUri) {
            problems.add(FIELD, quotedUrl(url) + " is not a URL", "Quay needs an http:// or https:// URL, " + EXAMPLE);
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add(FIELD, quotedUrl(url) + " has no http or https scheme",
                    "Quay allows only the schemes http and https, " + EXAMPLE);
            return null;
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        if (authority.replaceFirst(":\\d*$", "").isEmpty()) {
            problems.add(FIELD, quotedUrl(url) + " has no host name", "Quay requires a host name, " + EXAMPLE);
            return null;
        }
        if (!portInRange(authority)) {
            problems.add(FIELD, quotedUrl(url) + " has a port outside 1 to 65535", "a TCP port, " + EXAMPLE);
            return null;
        }
        return url;
    }

    /** No port, or one from 1 to 65535 (Quay stores any number; the mirror would fail only when it syncs). */
    static boolean portInRange(String authority) {
        Matcher port = PORT.matcher(authority);
        if (!port.find()) {
            return true;
        }
        String digits = port.group(1).replaceFirst("^0+", "");
        return !digits.isEmpty() && digits.length() <= 5 && Integer.parseInt(digits) <= 65535;
    }
}
