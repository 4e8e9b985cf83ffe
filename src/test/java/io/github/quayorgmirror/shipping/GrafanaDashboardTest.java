package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard queries the metrics docs/design.md names, with their labels, and Camel's exchange metrics. */
class GrafanaDashboardTest {
    private static final Pattern CONTROLLER_SERIES = Pattern.compile("\\b(orgmirror_[a-z_]+)");
    private static final Pattern GROUPING = Pattern.compile("\\bby \\(([a-zA-Z_, ]+)\\)");
    private static final Pattern MATCHER = Pattern.compile("[{,]\\s*([a-zA-Z_]+)\\s*(?:=~|!~|!=|=)");
    /** Labels Prometheus adds when it scrapes a pod through the ServiceMonitor. */
    private static final Set<String> TARGET_LABELS = Set.of("namespace", "pod");

    private final DesignMetrics design = DesignMetrics.load();
    private final JsonNode dashboard = readDashboard();
    private final List<String> expressions = expressions(dashboard);

    @Test
    void everyControllerSeriesIsADesignMetric() {
        assertThat(seriesIn(String.join("\n", expressions)))
                .isNotEmpty()
                .allSatisfy(series -> assertThat(design.ofSeries(series)).as("metric of %s", series).isNotNull());
    }

    @Test
    void everyDesignMetricIsShown() {
        Set<String> shown = new HashSet<>();
        seriesIn(String.join("\n", expressions)).stream()
                .map(design::ofSeries)
                .filter(Objects::nonNull)
                .forEach(metric -> shown.add(metric.name()));

        assertThat(shown).containsExactlyInAnyOrderElementsOf(design.byName().keySet());
    }

    @Test
    void expressionsUseOnlyLabelsTheirMetricsCarry() {
        for (String expression : expressions) {
            if (!expression.contains("orgmirror_")) {
                continue;
            }
            Set<String> allowed = new HashSet<>(TARGET_LABELS);
            seriesIn(expression).stream()
                    .map(design::ofSeries)
                    .filter(Objects::nonNull)
                    .forEach(metric -> allowed.addAll(metric.labels()));
            assertThat(labelsUsed(expression)).as("labels of %s", expression).isSubsetOf(allowed);
        }
    }

    @Test
    void camelExchangeMetricsAreShownPerRoute() {
        String all = String.join("\n", expressions);

        assertThat(all).contains("camel_exchanges_total", "camel_exchanges_failed_total", "camel_exchanges_inflight")
                .contains("by (routeId)");
    }

    @Test
    void panelsHaveUniqueIdsAndFitTheGrid() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("unique id of %s", panel.get("title")).isTrue();
            JsonNode grid = panel.get("gridPos");
            assertThat(grid.get("x").asInt() + grid.get("w").asInt()).as("width of %s", panel.get("title"))
                    .isLessThanOrEqualTo(24);
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
        }
        assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
    }

    private static Set<String> seriesIn(String text) {
        Set<String> series = new HashSet<>();
        Matcher matcher = CONTROLLER_SERIES.matcher(text);
        while (matcher.find()) {
            series.add(matcher.group(1));
        }
        return series;
    }

    private static Set<String> labelsUsed(String expression) {
        Set<String> labels = new HashSet<>();
        Matcher grouping = GROUPING.matcher(expression);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                labels.add(label.trim());
            }
        }
        Matcher matcher = MATCHER.matcher(expression);
        while (matcher.find()) {
            labels.add(matcher.group(1));
        }
        return labels;
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets")
                .forEach(target -> expressions.add(target.get("expr").asText())));
        return expressions;
    }

    private static JsonNode readDashboard() {
        try {
            return new ObjectMapper().readTree(ProjectTree.read("k8s/monitoring/grafana-dashboard.json"));
        } catch (IOException e) {
            throw new IllegalStateException("k8s/monitoring/grafana-dashboard.json is not JSON", e);
        }
    }
}
