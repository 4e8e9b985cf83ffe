package io.github.quayorgmirror.benchmark;

import io.github.quayorgmirror.fakequay.FakeQuay;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Process start to {@code /observe/health/ready} = 200, several times over: the jar started as the image starts it
 * (or with {@code -Dbenchmark.plain-java=true}, as a plain {@code java -jar}), against the embedded API server and a
 * fake Quay in this JVM, with {@code benchmark.resources} mirrors in the store. Prints each start's wall time, its
 * CPU time by thread group, and the median: the figure of issue 9's start goal, without the scenarios around it.
 *
 * <pre>mvn -B -o -q test-compile exec:java@start-benchmark -Dbenchmark.starts=7</pre>
 *
 * <p>{@code benchmark.hold-ms} keeps each started controller running that long after it was ready (to attach jcmd,
 * JConsole or JFR to it).
 */
public final class StartBenchmark {

    private static final PrintStream OUT = System.out;
    /** Held so that its level stays: JUL keeps loggers only weakly. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");
    private static final Path JAR = Path.of(System.getProperty("benchmark.jar", "target/quay-orgmirror-controller.jar"));

    private StartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        int starts = Integer.getInteger("benchmark.starts", 7);
        int resources = Integer.getInteger("benchmark.resources", 0);
        // keeps each started controller running that long after ready, e.g. to look at it with jcmd or JConsole
        long holdMillis = Long.getLong("benchmark.hold-ms", 0);
        String javaOpts = System.getProperty("benchmark.java-opts", "-XX:MaxRAM=256m");
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn -B package -DskipTests first");
        }
        Files.createDirectories(Path.of("target/benchmark"));
        Map<String, String> settings = new TreeMap<>(
                QuayTrustStore.write(Path.of("target/benchmark/fakequay-truststore.p12")));
        Path log = Path.of("target/benchmark/controller-start.log");
        Files.deleteIfExists(log);
        OUT.printf("controller: java %s %s -jar %s; %d mirrors in the store%n",
                String.join(" ", ControllerProcess.startFlags()), javaOpts, JAR, resources);
        List<Double> seconds = new ArrayList<>();
        try (ControllerHarness harness = ControllerHarness.startWithTokenSecret(FakeQuay.startHttps())) {
            for (int i = 0; i < resources; i++) {
                harness.create(ConvergenceBenchmark.manifest(i));
            }
            for (int start = 1; start <= starts; start++) {
                try (ControllerProcess controller = ControllerProcess.start(JAR, javaOpts, harness.kube().url(),
                        settings, log)) {
                    seconds.add(controller.secondsToReady());
                    Map<String, Double> byGroup = new LinkedHashMap<>(
                            controller.threadCpu().millisByGroupSince(ThreadCpu.NONE));
                    // threads that ended before ready (e.g. the early client's) keep their time only in the total
                    byGroup.put("ended threads", Math.max(0, controller.cpuSeconds() * 1000
                            - byGroup.values().stream().mapToDouble(Double::doubleValue).sum()));
                    OUT.printf("start %d: %.2f s to ready, CPU %.2f s (%s)%n", start, controller.secondsToReady(),
                            controller.cpuSecondsAtReady(), byGroup.entrySet().stream()
                                    .map(group -> String.format("%s %.2f", group.getKey(), group.getValue() / 1000))
                                    .collect(Collectors.joining(" · ")));
                    Thread.sleep(holdMillis);
                }
            }
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        OUT.printf("median %.2f s, min %.2f s, max %.2f s over %d starts%n", sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
        // the mock server's and the fake Quay's threads are not all daemons
        System.exit(0);
    }
}
