package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Admission of a custom resource by its {@code openAPIV3Schema}, in the order the API server applies it:
 * unknown fields pruned (and named, for {@code fieldValidation=Strict}), defaults set, then types, enums,
 * patterns, required fields, lengths, minimums and the {@code x-kubernetes-validations} CEL rules checked.
 * A hand-written walk, not a JSON-Schema validator: pruning, defaulting and CEL rules belong to each node of
 * the structural schema and their refusals must carry Kubernetes' field paths and wording.
 */
public final class StructuralSchema {

    private final JsonNode root;
    private final CelRules cel = new CelRules();

    public StructuralSchema(JsonNode openApiV3Schema) {
        this.root = openApiV3Schema;
    }

    /** What admission found: the refusals, and the fields it pruned. */
    public record Verdict(List<FieldError> errors, List<String> unknownFields) {
    }

    /** Prunes and defaults {@code object} in place, then validates it against {@code old} (null on create). */
    public Verdict admit(ObjectNode object, JsonNode old) {
        Verdict verdict = new Verdict(new ArrayList<>(), new ArrayList<>());
        root.path("properties").properties().forEach(property -> {
            String name = property.getKey();
            if (!"metadata".equals(name) && object.has(name)) {
                walk(object, name, property.getValue(), name, old == null ? null : old.get(name), verdict);
            }
        });
        root.path("required").forEach(required -> {
            if (!object.has(required.asText())) {
                verdict.errors().add(FieldError.required(required.asText()));
            }
        });
        return verdict;
    }

    /** Checks {@code parent[key]} (an object field or an array index) against {@code schema}. */
    private void walk(JsonNode parent, Object key, JsonNode schema, String path, JsonNode old, Verdict found) {
        JsonNode value = key instanceof Integer index ? parent.get(index) : parent.get((String) key);
        if (value == null || value.isNull()) {
            return;
        }
        // Ratcheting (Kubernetes 1.30+): a value an update leaves as stored is not refused again.
        Verdict verdict = value.equals(old) ? new Verdict(new ArrayList<>(), found.unknownFields()) : found;
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            verdict.errors().add(FieldError.invalid(path, jsonTypeName(value),
                    path + " in body must be of type " + type + ": \"" + jsonTypeName(value) + "\""));
            return;
        }
        if (value.isObject()) {
            walkObject((ObjectNode) value, schema, path, old, verdict);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode oldItem = old != null && old.isArray() && i < old.size() ? old.get(i) : null;
                walk(value, i, schema.path("items"), path + "[" + i + "]", oldItem, verdict);
            }
        } else {
            checkScalar(value, schema, path, verdict);
        }
        checkRules(value, schema, path, old, verdict);
    }

    private void walkObject(ObjectNode object, JsonNode schema, String path, JsonNode old, Verdict verdict) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode fieldSchema = properties.has(name) ? properties.get(name) : additional.isObject() ? additional : null;
            if (fieldSchema == null) {
                if (!preserveUnknown) {
                    verdict.unknownFields().add(path + "." + name);
                    object.remove(name);
                }
                continue;
            }
            walk(object, name, fieldSchema, path + "." + name, old == null ? null : old.get(name), verdict);
        }
        properties.properties().forEach(property -> {
            if (!object.has(property.getKey()) && property.getValue().has("default")) {
                object.set(property.getKey(), property.getValue().get("default").deepCopy());
            }
        });
        schema.path("required").forEach(required -> {
            if (!object.has(required.asText())) {
                verdict.errors().add(FieldError.required(path + "." + required.asText()));
            }
        });
    }

    private static void checkScalar(JsonNode value, JsonNode schema, String path, Verdict verdict) {
        if (schema.has("enum") && !contains((ArrayNode) schema.get("enum"), value)) {
            verdict.errors().add(FieldError.notSupported(path, value, schema.get("enum")));
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                verdict.errors().add(FieldError.invalid(path, value,
                        path + " in body should match '" + schema.get("pattern").asText() + "'"));
            }
            if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").asInt()) {
                verdict.errors().add(FieldError.invalid(path, value,
                        path + " in body should be at least " + schema.get("minLength").asInt() + " chars long"));
            }
            if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
                verdict.errors().add(FieldError.tooLong(path, schema.get("maxLength").asInt()));
            }
        }
        if (value.isNumber() && schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            verdict.errors().add(FieldError.invalid(path, value,
                    path + " in body should be greater than or equal to " + schema.get("minimum").asText()));
        }
    }

    private void checkRules(JsonNode value, JsonNode schema, String path, JsonNode old, Verdict verdict) {
        for (JsonNode validation : schema.path("x-kubernetes-validations")) {
            String rule = validation.path("rule").asText();
            boolean transition = CelRules.isTransitionRule(rule);
            if (transition && old == null) {
                continue;
            }
            if (!cel.holds(rule, value, transition ? old : null)) {
                String message = validation.path("message").asText("failed rule: " + rule);
                verdict.errors().add(FieldError.invalid(path, jsonTypeName(value), message));
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            default -> true;
        };
    }

    /** How Kubernetes names a value's type in its messages. */
    private static String jsonTypeName(JsonNode value) {
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return value.isNumber() ? "number" : "string";
    }

    private static boolean contains(ArrayNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
