package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Python's {@code repr()} of a JSON value, as jsonschema puts it into its messages. */
final class PyRepr {

    private PyRepr() {
    }

    static String of(JsonNode node) {
        return of(node, false);
    }

    /** pprint's form: like repr, with dict keys sorted. */
    static String sorted(JsonNode node) {
        return of(node, true);
    }

    private static String of(JsonNode node, boolean sortKeys) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "None";
        }
        if (node.isTextual()) {
            return string(node.textValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isNumber()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(of(item, sortKeys)));
            return "[" + String.join(", ", items) + "]";
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        if (sortKeys) {
            fields.sort(Map.Entry.comparingByKey());
        }
        return fields.stream().map(e -> string(e.getKey()) + ": " + of(e.getValue(), sortKeys))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static String string(String s) {
        boolean useDouble = s.contains("'") && !s.contains("\"");
        char quote = useDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }
}
