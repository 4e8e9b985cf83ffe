package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard queries the metrics docs/design.md names, with their labels, and Camel's exchange metrics. */
class GrafanaDashboardTest {

    private final DesignMetrics design = DesignMetrics.load();
    private final JsonNode dashboard = readDashboard();
    private final List<String> expressions = expressions(dashboard);

    @Test
    void everyControllerSeriesIsADesignMetric() {
        assertThat(PromQl.controllerSeries(String.join("\n", expressions)))
                .isNotEmpty()
                .allSatisfy(series -> assertThat(design.ofSeries(series)).as("metric of %s", series).isNotNull());
    }

    @Test
    void everyDesignMetricIsShown() {
        Set<String> shown = new HashSet<>();
        PromQl.controllerSeries(String.join("\n", expressions)).stream()
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
            assertThat(PromQl.labels(expression)).as("labels of %s", expression)
                    .isSubsetOf(design.labelsAllowedIn(expression));
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
