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

    /** A user-supplied value as it appears in a message: in quotes, so blanks and spaces stay visible. */
    static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
