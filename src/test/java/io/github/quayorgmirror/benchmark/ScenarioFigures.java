package io.github.quayorgmirror.benchmark;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One scenario's figures, per mirror where it says so. {@code floorSeconds} is N x the fewest Quay calls x the
 * latency / the parallelism (0 with an instant Quay); counts are per mirror, keyed by what was called.
 * {@code controllerCpuMsByGroup} splits the controller's CPU per mirror by thread group ({@link ThreadCpu}).
 */
record ScenarioFigures(String scenario, double wallSeconds, double floorSeconds, double controllerCpuMs,
        Map<String, Double> controllerCpuMsByGroup, double harnessCpuMs, Map<String, Long> quayCalls, Map<String, Long> apiReads, Map<String, Long> apiWrites,
        double peakRssMiB, int resources) {

    String wall() {
        return String.format("%.1f s", wallSeconds);
    }

    String ratio() {
        return floorSeconds == 0 ? "—" : String.format("%.2f× (floor %.1f s)", wallSeconds / floorSeconds, floorSeconds);
    }

    /** The controller's CPU per mirror by thread group; what threads that ended during the scenario used is the rest. */
    String cpuSplit() {
        double ended = controllerCpuMs - controllerCpuMsByGroup.values().stream().mapToDouble(Double::doubleValue).sum();
        return controllerCpuMsByGroup.entrySet().stream()
                .map(group -> String.format("%s %.2f", group.getKey(), group.getValue()))
                .collect(Collectors.joining(" · ")) + String.format(" · ended threads %.2f", Math.max(0, ended));
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
