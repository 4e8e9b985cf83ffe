package io.github.quayorgmirror.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of every run of a benchmark invocation, as one Markdown table to paste into docs/benchmark.md:
 * a row per scenario, per start of the controller and for the single-edit latency.
 */
final class SummaryTable {

    private static final String HEADER = "| N | Quay | scenario | wall | ratio to floor | controller CPU / mirror"
            + " | by thread group, ms / mirror"
            + " | Quay calls / mirror | API reads / mirror | API writes / mirror | peak RSS | harness CPU / mirror |";
    private static final String RULE = "|---|---|---|---|---|---|---|---|---|---|---|---|";

    private final List<String> rows = new ArrayList<>();

    void add(Run run, ScenarioFigures figures) {
        row(run, figures.scenario(), figures.wall(), figures.ratio(), String.format("%.2f ms", figures.controllerCpuMs()),
                figures.cpuSplit(),
                shortQuayPaths(figures.perMirror(figures.quayCalls())), figures.perMirror(figures.apiReads()),
                figures.perMirror(figures.apiWrites()), String.format("%.0f MiB", figures.peakRssMiB()),
                String.format("%.2f ms", figures.harnessCpuMs()));
    }

    void addStart(Run run, String which, double secondsToReady) {
        row(run, which + ": process start to ready = 200", String.format("%.2f s", secondsToReady), "", "", "", "", "", "",
                "", "");
    }

    void addEditLatency(Run run, int edits, double p50Ms, double p90Ms) {
        row(run, "single edit to Quay (" + edits + " edits), p50 / p90", String.format("%.1f / %.1f ms", p50Ms, p90Ms),
                "", "", "", "", "", "", "", "");
    }

    void addFailure(Run run, String what) {
        row(run, "**failed**: " + what.replace('|', '/'), "", "", "", "", "", "", "", "", "");
    }

    void print(PrintStream out, String heading) {
        out.printf("%n%s%n%n%s%n%s%n", heading, HEADER, RULE);
        rows.forEach(out::println);
    }

    private void row(Run run, String... cells) {
        rows.add("| " + String.format("%,d", run.resources()) + " | " + run.quayLatencyMs() + " ms | "
                + String.join(" | ", cells) + " |");
    }

    /** {@code GET /api/v1/organization/{org}/mirror} as {@code GET mirror}: the table stays readable. */
    private static String shortQuayPaths(String calls) {
        return calls.replace("/api/v1/organization/{org}/", "");
    }

    /** One combination of the matrix. */
    record Run(int resources, long quayLatencyMs) {
    }
}
