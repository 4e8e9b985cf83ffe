package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.FieldProblem.quoted;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dates as Quay takes them: its input format is strictly {@code yyyy-MM-dd'T'HH:mm:ss'Z'} (UTC, no fraction,
 * no offset), while users write any RFC 3339 timestamp and Quay's own answers may carry microseconds.
 */
final class QuayTimestamps {

    /** Quay's {@code yyyy-MM-dd'T'HH:mm:ss'Z'}, written with {@code uuuu}: {@code yyyy} is year of era. */
    private static final String OUTPUT_PATTERN = "uuuu-MM-dd'T'HH:mm:ss'Z'";
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Pattern DATE_SPACE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");
    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern(OUTPUT_PATTERN).withZone(ZoneOffset.UTC);

    private QuayTimestamps() {
    }

    /** Normalised Quay form of a spec date, or null after recording why it cannot be read. */
    static String normalise(String field, String value, SpecProblems problems) {
        Instant instant = parse(value);
        if (instant == null) {
            problems.add(field, quoted(value) + " is not a date and time with a zone",
                    "use an ISO 8601 / RFC 3339 timestamp with time and zone, for example"
                            + " 2026-04-25T21:06:00Z or 2026-04-25T23:06:00+02:00");
            return null;
        }
        if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
            problems.add(field, quoted(value) + " is outside the years 1 to 9999",
                    "Quay reads a date with a four-digit year, for example 2026-04-25T21:06:00Z");
            return null;
        }
        return format(instant);
    }

    /** Quay's form of the current time, for a create without a start date. */
    static String now(Clock clock) {
        return format(clock.instant());
    }

    /** The instant of an RFC 3339 timestamp (spec or Quay answer), or null when it is not one. */
    static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            // RFC 3339 allows lower-case "t" and "z" and a space between date and time; java.time does not.
            String iso = DATE_SPACE_TIME.matcher(value.strip().toUpperCase(Locale.ROOT)).replaceFirst("$1T$2");
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notRfc3339) {
            return null;
        }
    }

    private static String format(Instant instant) {
        return OUTPUT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
