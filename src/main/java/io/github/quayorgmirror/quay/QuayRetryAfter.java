package io.github.quayorgmirror.quay;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses {@code Retry-After}: delay-seconds (what Quay sends), or an HTTP date. */
final class QuayRetryAfter {

    private QuayRetryAfter() {
    }

    static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Redelivery delay honouring {@code retryAfter}, capped at the configured maximum delay. */
    static long redeliveryDelayMillis(Duration retryAfter, long maximumDelayMillis) {
        return Math.min(retryAfter.toMillis(), maximumDelayMillis);
    }
}
