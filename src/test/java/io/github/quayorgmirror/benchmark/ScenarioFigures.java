package io.github.quayorgmirror.benchmark;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One scenario's figures, per mirror where it says so. {@code floorSeconds} is N x the fewest Quay calls x the
 * latency / the parallelism (0 with an instant Quay); counts are per mirror, keyed by what was called.
 */
record ScenarioFigures(String scenario, double wallSeconds, double floorSeconds, double controllerCpuMs,
        double harnessCpuMs, Map<String, Long> quayCalls, Map<String, Long> apiReads, Map<String, Long> apiWrites,
        double peakRssMiB, int resources) {

    String wall() {
        return String.format("%.1f s", wallSeconds);
    }

    String ratio() {
        return floorSeconds == 0 ? "—" : String.format("%.2f× (floor %.1f s)", wallSeconds / floorSeconds, floorSeconds);
    }

    /** Counts per mirror, 2 decimals; one that rounds to 0 shows its total instead (e.g. one Secret GET in all). */
    String perMirror(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().map(entry -> {
            double perMirror = entry.getValue() / (double) resources;
            return perMirror < 0.005 ? entry.getKey() + " (" + entry.getValue() + " in all)"
                    : String.format("%s %.2f", entry.getKey(), perMirror);
        }).collect(Collectors.joining(", "));
    }
}
