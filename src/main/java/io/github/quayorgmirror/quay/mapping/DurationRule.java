package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.FieldProblem.quoted;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec duration ("90", "90s", "12 H", "2d") turned into Quay's whole seconds, the way the Ansible module's
 * {@code str_period_to_second} reads it (case-insensitive, spaces tolerated), plus the range Quay accepts.
 *
 * @param units     the unit letters this field allows, e.g. {@code "smhdw"}
 * @param min       smallest accepted value in seconds
 * @param max       largest accepted value in seconds
 * @param rangeRule why the range is what it is, quoted in the error
 */
record DurationRule(String units, long min, long max, String rangeRule) {

    /** Quay's schema: {@code sync_interval} {@code minimum: 60}, no maximum; the column is a 32-bit integer. */
    static final DurationRule SYNC_INTERVAL = new DurationRule("smhdw", 60, Integer.MAX_VALUE,
            "Quay's minimum is 60 seconds; the maximum is " + Integer.MAX_VALUE + " seconds");

    /** Quay's schema: {@code skopeo_timeout} {@code minimum: 30, maximum: 3600}. */
    static final DurationRule SKOPEO_TIMEOUT = new DurationRule("smh", 30, 3600,
            "Quay 3.17+ rejects values outside 30 to 3600 seconds (30s to 1h), although the CRD description"
                    + " says 300 to 43200 seconds, which is the Ansible module's range");

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*([a-z]?)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Map<Character, Long> SECONDS_PER_UNIT =
            Map.of('s', 1L, 'm', 60L, 'h', 3600L, 'd', 86400L, 'w', 604800L);

    /** The value in seconds, or null after recording why it is not acceptable. */
    Long seconds(String field, String value, SpecProblems problems) {
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            problems.add(field, quoted(value) + " is not a duration", formatRule());
            return null;
        }
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        if (!unit.isEmpty() && units.indexOf(unit.charAt(0)) < 0) {
            problems.add(field, quoted(value) + " uses the unit \"" + unit + "\"", formatRule());
            return null;
        }
        long seconds;
        try {
            long multiplier = unit.isEmpty() ? 1 : SECONDS_PER_UNIT.get(unit.charAt(0));
            seconds = Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier);
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            problems.add(field, quoted(value) + " is too large", rangeRule);
            return null;
        }
        if (seconds < min || seconds > max) {
            problems.add(field, quoted(value) + " is " + seconds + " seconds", rangeRule);
            return null;
        }
        return seconds;
    }

    private String formatRule() {
        return "use whole seconds, or a whole number followed by one of the units "
                + String.join(", ", units.split("")) + ", such as \"90\", \"90s\" or \"10m\"";
    }
}
