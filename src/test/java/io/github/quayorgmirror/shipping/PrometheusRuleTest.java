package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shipped alerts query the metrics docs/design.md names, with their labels. */
class PrometheusRuleTest {
    private final DesignMetrics design = DesignMetrics.load();
    private final List<Map<String, Object>> rules = Manifest.in("monitoring/prometheus-rule.yaml", "PrometheusRule")
            .maps("spec.groups").stream()
            .flatMap(group -> YamlTree.maps(group, "rules").stream())
            .toList();

    @Test
    void everyAlertQueriesDesignMetricsWithTheirLabels() {
        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            String expression = rule.get("expr").toString();
            assertThat(PromQl.controllerSeries(expression)).as("series of %s", rule.get("alert")).isNotEmpty()
                    .allSatisfy(series -> assertThat(design.ofSeries(series)).as("metric of %s", series).isNotNull());
            assertThat(PromQl.labels(expression)).as("labels of %s", rule.get("alert"))
                    .isSubsetOf(design.labelsAllowedIn(expression));
        });
    }

    @Test
    void everyAlertHasASeverityASummaryAndADelay() {
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.get("alert").toString()).startsWith("OrgMirror");
            assertThat(YamlTree.map(rule, "labels")).containsKey("severity");
            assertThat(YamlTree.map(rule, "annotations")).containsKey("summary");
            assertThat(rule).containsKey("for");
        });
    }

    @Test
    void operationsGuideListsEveryAlert() {
        String guide = ProjectTree.read("docs/operations.md");

        assertThat(rules).allSatisfy(rule -> assertThat(guide).contains("`" + rule.get("alert") + "`"));
    }

    @Test
    void leaderAndInformerHealthAreAlertedOn() {
        assertThat(rules).extracting(rule -> rule.get("expr").toString())
                .anySatisfy(expression -> assertThat(expression).contains("orgmirror_leader"))
                .anySatisfy(expression -> assertThat(expression).contains("orgmirror_informer_healthy"));
    }
}
