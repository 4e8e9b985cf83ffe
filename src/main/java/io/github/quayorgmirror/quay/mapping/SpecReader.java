package io.github.quayorgmirror.quay.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a resource's spec map into {@link OrganizationMirrorSpec} without ever failing. With the CRD's schema
 * installed every field has its type; without it (or with an older CRD) a field can hold an object where a
 * string belongs. Such a field is left out of the spec and reported as a {@link FieldProblem}, so the apply
 * path refuses the spec with the field's name, while the deletion path and the Secret index still read
 * everything else.
 */
public final class SpecReader {

    /** The spec without its unreadable fields, and one problem for each of them. */
    public record Read(OrganizationMirrorSpec spec, List<FieldProblem> problems) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String RULE_SUFFIX = "; the CRD's schema would have refused it: is the CRD of k8s/crd/ installed?";

    private SpecReader() {
    }

    public static Read read(Object rawSpec) {
        if (rawSpec == null) {
            return new Read(JSON.convertValue(Map.of(), OrganizationMirrorSpec.class), List.of());
        }
        if (!(rawSpec instanceof Map<?, ?> map)) {
            return new Read(JSON.convertValue(Map.of(), OrganizationMirrorSpec.class), List.of(
                    new FieldProblem("spec", "is " + kind(rawSpec), "expected an object" + RULE_SUFFIX)));
        }
        Map<Object, Object> fields = new LinkedHashMap<>(map);
        List<FieldProblem> problems = new ArrayList<>();
        while (true) {
            try {
                return new Read(JSON.convertValue(fields, OrganizationMirrorSpec.class), List.copyOf(problems));
            } catch (IllegalArgumentException unreadable) {
                List<String> path = path(unreadable);
                if (path.isEmpty() || fields.remove(path.get(0)) == null) {
                    // nothing left to blame: read none of it rather than loop
                    problems.add(new FieldProblem("spec", "cannot be read", "every field must have the type the CRD"
                            + " gives it" + RULE_SUFFIX));
                    return new Read(JSON.convertValue(Map.of(), OrganizationMirrorSpec.class), List.copyOf(problems));
                }
                problems.add(problem(path, valueAt(map, path), expected(unreadable), inListItem(unreadable, path)));
            }
        }
    }

    private static FieldProblem problem(List<String> path, Object value, String expected, boolean inListItem) {
        String field = "spec." + String.join(".", path);
        if (inListItem && value instanceof Collection<?> items) {
            Object odd = items.stream().filter(item -> !(item instanceof String)).findFirst().orElse(null);
            return new FieldProblem(field, "has an item that is " + kind(odd), "expected a list of strings" + RULE_SUFFIX);
        }
        return new FieldProblem(field, "is " + kind(value), "expected " + expected + RULE_SUFFIX);
    }

    private static List<String> path(IllegalArgumentException unreadable) {
        if (!(unreadable.getCause() instanceof JsonMappingException mapping)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() == null) {
                break;
            }
            names.add(reference.getFieldName());
        }
        return names;
    }

    /** Whether Jackson failed on an item of the list at {@code path} rather than on the field itself. */
    private static boolean inListItem(IllegalArgumentException unreadable, List<String> path) {
        return unreadable.getCause() instanceof JsonMappingException mapping && mapping.getPath().size() > path.size();
    }

    private static Object valueAt(Map<?, ?> map, List<String> path) {
        Object value = map;
        for (String name : path) {
            value = value instanceof Map<?, ?> inner ? inner.get(name) : null;
        }
        return value;
    }

    private static String expected(IllegalArgumentException unreadable) {
        Class<?> target = unreadable.getCause() instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "another type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "a list of strings";
        }
        return "an object";
    }

    private static String kind(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof Collection<?>) {
            return "a list";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "true or false";
        }
        return value == null ? "null" : "a string";
    }
}
