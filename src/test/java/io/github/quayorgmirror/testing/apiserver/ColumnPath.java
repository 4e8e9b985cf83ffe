package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Kubernetes' JSONPath that printer columns use: {@code .field}, {@code [n]} and
 * {@code [?(@.key=="value")]}. Evaluates to the first match, as the API server fills a Table cell.
 */
final class ColumnPath {

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\[(\\d+)]|\\[\\?\\(@\\.([A-Za-z0-9_-]+)==\"([^\"]*)\"\\)]");

    private ColumnPath() {
    }

    static JsonNode first(JsonNode object, String path) {
        List<JsonNode> current = List.of(object);
        Matcher step = STEP.matcher(path);
        int at = 0;
        while (at < path.length() && step.find(at) && step.start() == at) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step.group(1) != null && node.has(step.group(1))) {
                    next.add(node.get(step.group(1)));
                } else if (step.group(2) != null && node.has(Integer.parseInt(step.group(2)))) {
                    next.add(node.get(Integer.parseInt(step.group(2))));
                } else if (step.group(3) != null) {
                    node.forEach(item -> {
                        if (step.group(4).equals(item.path(step.group(3)).asText(null))) {
                            next.add(item);
                        }
                    });
                }
            }
            current = next;
            at = step.end();
        }
        return at == path.length() && !current.isEmpty() ? current.get(0) : null;
    }
}
