package io.github.quayorgmirror.quay;

import org.apache.camel.Message;

/**
 * Header clean-up by name prefix. Camel's {@code removeHeaders(pattern, excludePatterns)} tries a pattern that does
 * not match as a wildcard as a regular expression next, compiling it for every header it checks: with
 * {@code "Camel*"} as the exclusion, that is one {@code Pattern.compile} per Quay answer header on every call
 * (docs/benchmark.md, fourth round). A prefix test does the same here.
 */
final class MessageHeaders {

    private static final String CAMEL = "Camel";
    private static final String CAMEL_HTTP = "CamelHttp";

    private MessageHeaders() {
    }

    /** Removes every header but Camel's own ({@code Camel…}, any case, as Camel's wildcard matches). */
    static void keepOnlyCamelHeaders(Message message) {
        message.getHeaders().keySet().removeIf(name -> !startsWithIgnoringCase(name, CAMEL));
    }

    /** Removes camel-http's headers ({@code CamelHttp…}) of an earlier send. */
    static void removeCamelHttpHeaders(Message message) {
        message.getHeaders().keySet().removeIf(name -> startsWithIgnoringCase(name, CAMEL_HTTP));
    }

    private static boolean startsWithIgnoringCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
