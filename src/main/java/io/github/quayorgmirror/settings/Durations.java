package io.github.quayorgmirror.settings;

import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.camel.util.TimeUtils;

/**
 * Reads durations such as {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h} strictly: Camel's
 * TimeUtils reads some unreadable text ({@code 1x}, {@code -5s}) as zero, and a zero retry or lease is a
 * hot loop, and a zero resync is no resync: settings, not typos.
 */
public final class Durations {

    private static final Pattern ZERO = Pattern.compile("0+\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    public static Duration positive(String name, String text) {
        Duration duration = readPositive(text);
        if (duration == null) {
            throw new IllegalArgumentException(name + "=" + text + " is not a positive duration such as 500ms, 1s or 5m");
        }
        return duration;
    }

    /** A positive duration, or zero written as such ({@code 0}, {@code 0s}, blank): zero turns something off. */
    public static Duration zeroOrPositive(String name, String text) {
        if (text.isBlank() || ZERO.matcher(text.trim()).matches()) {
            return Duration.ZERO;
        }
        Duration duration = readPositive(text);
        if (duration == null) {
            throw new IllegalArgumentException(name + "=" + text + " is not a duration such as 30s, 10m or 1h, nor 0 (off)");
        }
        return duration;
    }

    private static Duration readPositive(String text) {
        try {
            Duration duration = TimeUtils.toDuration(text.trim());
            return TimeUtils.isPositive(duration) ? duration : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
