package io.github.quayorgmirror;

import java.time.Duration;
import org.apache.camel.util.TimeUtils;

/**
 * Reads durations such as {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h} strictly: Camel's
 * TimeUtils reads some unreadable text as zero, and a zero retry or lease is a hot loop, not a setting.
 */
public final class Durations {

    private Durations() {
    }

    public static Duration positive(String name, String text) {
        try {
            Duration duration = TimeUtils.toDuration(text.trim());
            if (TimeUtils.isPositive(duration)) {
                return duration;
            }
        } catch (RuntimeException unreadable) {
            // reported below
        }
        throw new IllegalArgumentException(name + "=" + text + " is not a positive duration such as 500ms, 1s or 5m");
    }
}
