package io.github.quayorgmirror.fakequay;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quay's {@code validate_external_registry_url} (§4.3) against the fake's own DNS table: nothing is
 * resolved on the network. Returns the rejection message, or null when the URL is acceptable.
 */
final class SsrfCheck {

    static final String NOT_ALLOWED = "The provided registry URL is not allowed";

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Private, loopback, link-local, CGNAT, multicast, documentation, reserved and the like. */
    private static final String[] BLOCKED_RANGES = {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "::ffff:0:0/96", "fc00::/7",
        "fe80::/10", "ff00::/8", "2001:db8::/32"};

    private SsrfCheck() {
    }

    static String check(String url, Set<String> allowedHosts, Map<String, String> dns) {
        if (url == null || url.isEmpty()) {
            return "External registry URL is required";
        }
        Matcher m = SCHEME.matcher(url);
        String scheme = m.find() && url.startsWith(m.group(1) + "://") ? m.group(1).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "Invalid URL scheme '" + scheme + "': only HTTP and HTTPS are allowed";
        }
        String netloc = url.substring(scheme.length() + 3).split("[/?#]", 2)[0];
        if (netloc.contains("@")) {
            return "URLs with embedded credentials are not allowed";
        }
        String host = hostOf(netloc);
        if (host.isEmpty()) {
            return "URL must include a hostname";
        }
        if (isAllowed(host, allowedHosts)) {
            return null;
        }
        if (host.equals("localhost") || host.startsWith("metadata") || host.startsWith("kubernetes")
                || host.endsWith(".internal") || host.endsWith(".local")) {
            return NOT_ALLOWED;
        }
        String address = isIpLiteral(host) ? host : dns.get(host);
        if (address == null) {
            return "Cannot resolve hostname '" + host + "'";
        }
        return isBlocked(address) && !isAllowed(address, allowedHosts) ? NOT_ALLOWED : null;
    }

    private static String hostOf(String netloc) {
        if (netloc.startsWith("[")) {
            int close = netloc.indexOf(']');
            return close < 0 ? "" : netloc.substring(1, close).toLowerCase(Locale.ROOT);
        }
        int colon = netloc.indexOf(':');
        return (colon < 0 ? netloc : netloc.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static boolean isAllowed(String host, Set<String> allowedHosts) {
        for (String allowed : allowedHosts) {
            String a = allowed.toLowerCase(Locale.ROOT);
            if (a.equals(host) || (a.contains("/") && isIpLiteral(host) && inRange(host, a))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    private static boolean isBlocked(String address) {
        for (String range : BLOCKED_RANGES) {
            if (inRange(address, range)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(String address, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] addr = InetAddress.getByName(address).getAddress();
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            if (addr.length != net.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            int shift = addr.length * 8 - bits;
            return new BigInteger(1, addr).shiftRight(shift).equals(new BigInteger(1, net).shiftRight(shift));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
