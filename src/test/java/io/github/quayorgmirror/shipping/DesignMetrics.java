package io.github.quayorgmirror.shipping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metrics table of docs/design.md: Prometheus name to type and label names. */
record DesignMetrics(Map<String, Metric> byName) {
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(orgmirror_[a-z_]+)` \\| (\\w+) \\| (.*) \\|$");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z_]+)`");
    /** Suffixes Micrometer's Prometheus registry adds to a timer. */
    /** Labels Prometheus adds when it scrapes a pod through the ServiceMonitor. */
    private static final Set<String> TARGET_LABELS = Set.of("namespace", "pod");
    private static final List<String> TIMER_SERIES = List.of("_sum", "_count", "_max", "_bucket");

    record Metric(String name, String type, Set<String> labels) {
    }

    static DesignMetrics load() {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Matcher row = ROW.matcher(ProjectTree.read("docs/design.md"));
        while (row.find()) {
            metrics.put(row.group(1), new Metric(row.group(1), row.group(2), labels(row.group(3))));
        }
        if (metrics.isEmpty()) {
            throw new IllegalStateException("docs/design.md has no metrics table");
        }
        return new DesignMetrics(metrics);
    }

    /** The metric a Prometheus series belongs to: the name itself, or a timer's name plus a timer suffix. */
    Metric ofSeries(String series) {
        Metric exact = byName.get(series);
        if (exact != null) {
            return exact;
        }
        return TIMER_SERIES.stream()
                .filter(series::endsWith)
                .map(suffix -> byName.get(series.substring(0, series.length() - suffix.length())))
                .filter(metric -> metric != null && "timer".equals(metric.type()))
                .findFirst()
                .orElse(null);
    }

    /** Label names an expression may use: its metrics' labels and the pod's target labels. */
    Set<String> labelsAllowedIn(String expression) {
        Set<String> allowed = new TreeSet<>(TARGET_LABELS);
        PromQl.controllerSeries(expression).stream()
                .map(this::ofSeries)
                .filter(Objects::nonNull)
                .forEach(metric -> allowed.addAll(metric.labels()));
        return allowed;
    }

    /** "`result` = `success`, ..." names one label; "`operation`, `status` (HTTP code or `io_error`)" two. */
    private static Set<String> labels(String cell) {
        String withoutNotes = cell.replaceAll("\\([^)]*\\)", "");
        Matcher name = BACKTICKED.matcher(withoutNotes);
        if (withoutNotes.contains("=")) {
            return name.find() ? Set.of(name.group(1)) : Set.of();
        }
        Set<String> labels = new TreeSet<>();
        while (name.find()) {
            labels.add(name.group(1));
        }
        return labels;
    }
}
