package io.github.quayorgmirror.fakequay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Quay's timestamps: naive UTC {@code isoformat()} plus "Z", microseconds only when non-zero. */
final class QuayTime {

    private static final Pattern INPUT_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final DateTimeFormatter INPUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private QuayTime() {
    }

    static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return (t.getNano() == 0 ? SECONDS : MICROS).format(t) + "Z";
    }

    /** Parses {@code %Y-%m-%dT%H:%M:%SZ} exactly; null when the text does not match. */
    static Instant parseInput(String text) {
        if (text == null || !INPUT_SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, INPUT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Worker-written times carry microseconds, as Quay's {@code datetime.utcnow()} does. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
