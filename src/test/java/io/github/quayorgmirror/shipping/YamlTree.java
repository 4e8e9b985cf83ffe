package io.github.quayorgmirror.shipping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Parses YAML (every document of a stream) and walks the parsed maps and lists by key. */
final class YamlTree {
    private YamlTree() {
    }

    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (document != null) {
                documents.add(asMap(document));
            }
        }
        return documents;
    }

    static Map<String, Object> single(String yaml) {
        List<Map<String, Object>> documents = documents(yaml);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    /** The map at the dotted path, e.g. {@code map(deployment, "spec.template.spec")}; empty when absent. */
    static Map<String, Object> map(Map<String, Object> node, String path) {
        Object value = at(node, path);
        return value == null ? Map.of() : asMap(value);
    }

    static List<Map<String, Object>> maps(Map<String, Object> node, String path) {
        return listAt(node, path, Object.class).stream().map(YamlTree::asMap).toList();
    }

    static List<String> strings(Map<String, Object> node, String path) {
        return listAt(node, path, String.class);
    }

    static String text(Map<String, Object> node, String path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    private static <T> List<T> listAt(Map<String, Object> node, String path, Class<T> type) {
        Object value = at(node, path);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(path + " is not a list: " + value);
        }
        return list.stream().map(type::cast).toList();
    }

    private static Object at(Map<String, Object> node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked") // YAML mappings are parsed with string keys
    private static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a YAML mapping: " + value);
        }
        return (Map<String, Object>) value;
    }
}
