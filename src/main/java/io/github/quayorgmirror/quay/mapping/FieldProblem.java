package io.github.quayorgmirror.quay.mapping;

/**
 * One invalid spec field.
 *
 * @param field   the field's path as the user writes it, e.g. {@code spec.syncInterval}
 * @param problem what is wrong with the value, e.g. {@code "30s" is 30 seconds}; never a secret's value
 * @param rule    the rule the value breaks and where it comes from, e.g. {@code Quay's minimum is 60 seconds}
 */
public record FieldProblem(String field, String problem, String rule) {

    /** {@code spec.syncInterval: "30s" is 30 seconds (Quay's minimum is 60 seconds)}. */
    public String message() {
        return field + ": " + problem + " (" + rule + ")";
    }

    /** Longer values are cut in messages: the status and the Event must stay within the API server's limits. */
    static final int QUOTE_LIMIT = 100;

    /**
     * A user-supplied value as it appears in a message: in quotes, so blanks and spaces stay visible, line
     * breaks and other control characters escaped, and cut after {@value #QUOTE_LIMIT} characters.
     */
    public static String quoted(String value) {
        StringBuilder shown = new StringBuilder("\"");
        value.codePoints().limit(QUOTE_LIMIT).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        shown.append('"');
        long length = value.codePoints().count();
        return length > QUOTE_LIMIT ? shown + " (cut, " + length + " characters)" : shown.toString();
    }

    /** A user-supplied URL as it appears in a message: quoted, and anything before an {@code @} masked. */
    static String quotedUrl(String url) {
        return quoted(maskedUrl(url));
    }

    /** The URL with its user-info ({@code user:password@}) shown as {@code ****@}, scheme or not. */
    static String maskedUrl(String url) {
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int schemeEnd = url.indexOf("://");
        int start = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
        return url.substring(0, start) + "****" + url.substring(at);
    }
}
