package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Two installs in two namespaces are judged apart: each aggregation keeps the namespace. */
    @Test
    void everyAggregationIsByNamespace() {
        Pattern aggregation = Pattern.compile("\\b(sum|max|min|avg|count)\\s*(by\\s*\\([^)]*\\))?\\s*\\(");
        assertThat(rules).allSatisfy(rule -> {
            Matcher found = aggregation.matcher(rule.get("expr").toString());
            while (found.find()) {
                assertThat(found.group(2)).as("%s: %s", rule.get("alert"), found.group()).isNotNull().contains("namespace");
            }
        });
    }

    /** Each alert's runbook_url is a heading of docs/operations.md (GitHub's anchor of it). */
    @Test
    void everyAlertLinksToItsTroubleshootingSection() {
        List<String> anchors = ProjectTree.read("docs/operations.md").lines().filter(line -> line.startsWith("#"))
                .map(line -> "docs/operations.md#" + line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .toList();

        assertThat(rules).allSatisfy(rule -> assertThat(anchors).as("runbook of %s", rule.get("alert"))
                .contains(String.valueOf(YamlTree.map(rule, "annotations").get("runbook_url"))));
    }
}
