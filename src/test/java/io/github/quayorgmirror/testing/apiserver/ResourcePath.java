package io.github.quayorgmirror.testing.apiserver;

/**
 * A REST path split into its parts: {@code /apis/g/v/namespaces/ns/plural/name/subresource?query}
 * (or {@code /api/v1/...}); absent parts are null.
 */
record ResourcePath(String groupVersion, String namespace, String plural, String name, String subresource, String query) {

    static ResourcePath parse(String pathAndQuery) {
        String[] split = pathAndQuery.split("\\?", 2);
        String query = split.length > 1 ? split[1] : "";
        String[] parts = split[0].replaceFirst("^/", "").split("/");
        int at;
        String groupVersion;
        if (parts.length >= 2 && parts[0].equals("api")) {
            groupVersion = parts[1];
            at = 2;
        } else if (parts.length >= 3 && parts[0].equals("apis")) {
            groupVersion = parts[1] + "/" + parts[2];
            at = 3;
        } else {
            return null;
        }
        String namespace = null;
        if (parts.length > at + 1 && parts[at].equals("namespaces") && parts.length > at + 2) {
            namespace = parts[at + 1];
            at += 2;
        }
        if (parts.length <= at) {
            return null;
        }
        return new ResourcePath(groupVersion, namespace, parts[at], part(parts, at + 1), part(parts, at + 2), query);
    }

    boolean isOf(CrdModel crd) {
        return crd.groupVersion().equals(groupVersion) && crd.plural().equals(plural);
    }

    String collection() {
        return "/" + (groupVersion.contains("/") ? "apis/" : "api/") + groupVersion
                + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural;
    }

    String item() {
        return collection() + "/" + name;
    }

    /** The value of one query parameter (not URL-decoded beyond %2C, %3D and %2F), or null. */
    String parameter(String key) {
        for (String pair : query.split("&")) {
            String[] keyValue = pair.split("=", 2);
            if (keyValue[0].equals(key)) {
                return keyValue.length > 1 ? java.net.URLDecoder.decode(keyValue[1], java.nio.charset.StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }

    private static String part(String[] parts, int index) {
        return parts.length > index ? parts[index] : null;
    }
}
