package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subset of jsonschema 3.2 (draft 7) that Quay's mirror schemas use: type, enum, minimum, maximum,
 * maxLength, required, properties, items. Like {@code jsonschema.validate} it reports the best match:
 * the shallowest error, the first one in schema order among equals; the message is {@code str(error)}.
 */
final class SchemaValidator {

    private record Failure(String message, String keyword, List<Object> schemaPath, List<Object> instancePath,
                           JsonNode schema, JsonNode instance) {
    }

    private SchemaValidator() {
    }

    static Optional<String> validate(JsonNode instance, JsonNode schema) {
        List<Failure> failures = new ArrayList<>();
        check(instance, schema, new ArrayList<>(), new ArrayList<>(), failures);
        return failures.stream().min(Comparator.comparingInt(f -> f.instancePath().size())).map(SchemaValidator::text);
    }

    private static void check(JsonNode instance, JsonNode schema, List<Object> schemaPath, List<Object> path,
                              List<Failure> out) {
        for (Map.Entry<String, JsonNode> rule : schema.properties()) {
            String keyword = rule.getKey();
            JsonNode value = rule.getValue();
            String message = switch (keyword) {
                case "type" -> typeMatches(instance, value) ? null
                        : PyRepr.of(instance) + " is not of type " + typeList(value);
                case "enum" -> contains(value, instance) ? null
                        : PyRepr.of(instance) + " is not one of " + PyRepr.of(value);
                case "minimum" -> instance.isNumber() && instance.decimalValue().compareTo(value.decimalValue()) < 0
                        ? PyRepr.of(instance) + " is less than the minimum of " + PyRepr.of(value) : null;
                case "maximum" -> instance.isNumber() && instance.decimalValue().compareTo(value.decimalValue()) > 0
                        ? PyRepr.of(instance) + " is greater than the maximum of " + PyRepr.of(value) : null;
                case "maxLength" -> instance.isTextual()
                        && instance.textValue().codePointCount(0, instance.textValue().length()) > value.intValue()
                        ? PyRepr.of(instance) + " is too long" : null;
                default -> null;
            };
            if (message != null) {
                out.add(new Failure(message, keyword, schemaPath, path, schema, instance));
            } else if (keyword.equals("required") && instance.isObject()) {
                value.forEach(name -> {
                    if (!instance.has(name.textValue())) {
                        out.add(new Failure(PyRepr.of(name) + " is a required property", keyword, schemaPath, path,
                                schema, instance));
                    }
                });
            } else if (keyword.equals("properties") && instance.isObject()) {
                value.properties().forEach(p -> {
                    if (instance.has(p.getKey())) {
                        check(instance.get(p.getKey()), p.getValue(), append(schemaPath, "properties", p.getKey()),
                                append(path, p.getKey()), out);
                    }
                });
            } else if (keyword.equals("items") && instance.isArray()) {
                for (int i = 0; i < instance.size(); i++) {
                    check(instance.get(i), value, append(schemaPath, "items"), append(path, i), out);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode instance, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(instance, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.textValue()) {
            case "object" -> instance.isObject();
            case "array" -> instance.isArray();
            case "string" -> instance.isTextual();
            case "boolean" -> instance.isBoolean();
            case "null" -> instance.isNull();
            case "number" -> instance.isNumber();
            // draft 7: a float with no fractional part is an integer
            case "integer" -> instance.isIntegralNumber()
                    || (instance.isFloatingPointNumber() && instance.doubleValue() == Math.rint(instance.doubleValue()));
            default -> true;
        };
    }

    private static String typeList(JsonNode type) {
        if (!type.isArray()) {
            return PyRepr.of(type);
        }
        List<String> names = new ArrayList<>();
        type.forEach(t -> names.add(PyRepr.of(t)));
        return String.join(", ", names);
    }

    private static boolean contains(JsonNode values, JsonNode instance) {
        for (JsonNode v : values) {
            if (v.equals(instance)) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> append(List<Object> base, Object... more) {
        List<Object> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    /** jsonschema's {@code ValidationError.__str__}: the message, a blank line, then where it failed. */
    private static String text(Failure f) {
        return f.message() + "\n\nFailed validating " + PyRepr.string(f.keyword()) + " in schema"
                + index(f.schemaPath()) + ":\n    " + PyRepr.sorted(f.schema())
                + "\n\nOn instance" + index(f.instancePath()) + ":\n    " + PyRepr.of(f.instance());
    }

    private static String index(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object p : path) {
            out.append('[').append(p instanceof String s ? PyRepr.string(s) : p).append(']');
        }
        return out.toString();
    }
}
