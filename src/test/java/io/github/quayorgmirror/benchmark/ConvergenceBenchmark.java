package io.github.quayorgmirror.benchmark;

import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.queue.KeyedWorkQueue;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.camel.main.Main;

/**
 * What the controller itself costs, measured on the real routes against the embedded API server and
 * the fake Quay (both in this JVM, on loopback: the figures are the controller's own overhead, not a
 * real cluster's or a real Quay's latency). Prints one table per scenario:
 * <ol>
 *   <li>N new resources until every one is Ready, with the Quay calls and API writes each needed;</li>
 *   <li>the connection Secret of all N rotated, until every mirror was reconciled with it;</li>
 *   <li>a restart (the same work as a periodic resync) over N unchanged resources: time, and writes;</li>
 *   <li>spec edit to Quay updated, one resource, sequential edits: latency percentiles.</li>
 * </ol>
 * {@code mvn -B -q test-compile exec:java@benchmark -Dbenchmark.resources=200 -Dbenchmark.parallelism=4
 * -Dbenchmark.quay-latency-ms=0 -Dbenchmark.edits=50}
 */
public final class ConvergenceBenchmark {

    private static final PrintStream OUT = System.out;
    /** Held, so the level set on it stays: the mock server logs every request through java.util.logging. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final ControllerHarness harness;
    private final int resources;
    private final int parallelism;
    private final Duration quayLatency;
    private final Map<String, String> settings;
    private Main controller;

    private ConvergenceBenchmark(ControllerHarness harness, int resources, int parallelism, Duration quayLatency) {
        this.harness = harness;
        this.resources = resources;
        this.parallelism = parallelism;
        this.quayLatency = quayLatency;
        this.settings = Map.of("orgmirror.queue.parallelism", String.valueOf(parallelism));
    }

    public static void main(String[] args) throws Exception {
        // the production logging configuration: the test one logs every Quay call at DEBUG
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2.xml");
        }
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        int resources = Integer.getInteger("benchmark.resources", 200);
        int parallelism = Integer.getInteger("benchmark.parallelism", 4);
        int edits = Integer.getInteger("benchmark.edits", 50);
        Duration quayLatency = Duration.ofMillis(Integer.getInteger("benchmark.quay-latency-ms", 0));
        try (ControllerHarness harness = ControllerHarness.startWithTokenSecret()) {
            new ConvergenceBenchmark(harness, resources, parallelism, quayLatency).run(edits);
        }
    }

    void run(int edits) throws InterruptedException {
        OUT.printf("%nquay-orgmirror-controller benchmark: %d resources, parallelism %d, Quay latency %d ms,"
                + " %d cores, Java %s%n", resources, parallelism, quayLatency.toMillis(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        seedQuay();
        if (!quayLatency.isZero()) {
            // every Quay call waits this long before it is answered, as across a network to a busy Quay
            harness.quay().failNext(FaultSpec.forPath("*").delay(quayLatency).times(Integer.MAX_VALUE));
        }
        controller = harness.startController(settings);

        create();
        rotateSecret();
        restart();
        editLatency(edits);
    }

    private void seedQuay() {
        for (int i = 0; i < resources; i++) {
            harness.quay().addOrganization(organization(i));
            harness.quay().makeOrgAdmin(organization(i), ControllerHarness.USER);
            harness.quay().addRobot(organization(i), ControllerHarness.ROBOT);
        }
    }

    private void create() {
        Mark mark = mark();
        for (int i = 0; i < resources; i++) {
            harness.create(manifest(i));
        }
        awaitAll("every resource Ready", () -> idle() && readyCount() == resources);
        report("1. create " + resources + " resources until all Ready", mark);
    }

    private void rotateSecret() {
        String newToken = harness.quay().addToken(ControllerHarness.USER, "org:admin");
        harness.quay().expireToken(harness.token());
        Mark mark = mark();
        harness.writeTokenSecret(newToken, Map.of());
        awaitAll("every resource reconciled after the rotation", () -> passesSince(mark) >= resources && idle()
                && readyCount() == resources);
        report("2. connection Secret rotated, until all " + resources + " reconciled with it", mark);
    }

    private void restart() {
        harness.stopController(controller);
        Mark mark = mark();
        controller = harness.startController(settings);
        awaitAll("every resource checked after the restart", () -> queue().processedCount() >= resources && idle());
        report("3. restart (= one resync) over " + resources + " unchanged resources", mark);
    }

    private void editLatency(int edits) throws InterruptedException {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            // the previous pass ends first (its GET after the write, its status): each edit meets an idle key
            awaitAll("the previous edit's pass over", this::idle);
            long seconds = 86_400L + 60L * (i + 1);
            long start = System.nanoTime();
            harness.editSpec(name(0), "syncInterval", String.valueOf(seconds));
            while (!Long.valueOf(seconds).equals(harness.quay().mirrorConfig(organization(0)).orElseThrow()
                    .get("sync_interval"))) {
                Thread.sleep(1);
                if (System.nanoTime() - start > LIMIT.toNanos()) {
                    throw new IllegalStateException("edit " + i + " never reached Quay");
                }
            }
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        OUT.printf("%n4. spec edit until Quay holds the new value, %d edits of one idle resource%n", edits);
        OUT.printf("   p50 %.1f ms   p90 %.1f ms   max %.1f ms%n", percentile(micros, 50) / 1000.0,
                percentile(micros, 90) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
    }

    private void report(String title, Mark mark) {
        double seconds = (System.nanoTime() - mark.nanos()) / 1e9;
        List<RecordedCall> allQuayCalls = harness.quay().calls();
        List<RecordedCall> quayCalls = allQuayCalls.subList(mark.quayCalls(), allQuayCalls.size());
        List<String> allApiRequests = controllerRequests();
        List<String> apiRequests = allApiRequests.subList(mark.apiRequests(), allApiRequests.size());
        OUT.printf("%n%s%n", title);
        OUT.printf("   %.2f s   %.0f resources/s%n", seconds, resources / seconds);
        OUT.printf("   Quay calls per resource:   %s%n", perResource(quayCalls.stream()
                .collect(Collectors.groupingBy(call -> call.method() + " " + shape(call.path()), TreeMap::new,
                        Collectors.counting()))));
        OUT.printf("   API writes per resource:   %s%n", perResource(apiRequests.stream()
                .filter(request -> !request.startsWith("GET "))
                .collect(Collectors.groupingBy(ConvergenceBenchmark::apiWriteKind, TreeMap::new, Collectors.counting()))));
    }

    private String perResource(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().map(entry -> String.format("%s %.2f", entry.getKey(),
                entry.getValue() / (double) resources)).collect(Collectors.joining(", "));
    }

    /** A Quay path with the organization left out, so calls group by endpoint. */
    private static String shape(String path) {
        return path.replaceAll("/organization/[^/]+", "/organization/{org}");
    }

    private static String apiWriteKind(String request) {
        String path = request.split("\\?", 2)[0];
        if (path.contains("/events")) {
            return "event";
        }
        if (path.endsWith("/status")) {
            return "status";
        }
        return request.substring(0, request.indexOf(' ')).toLowerCase() + " resource";
    }

    private Mark mark() {
        return new Mark(System.nanoTime(), harness.quay().calls().size(), controllerRequests().size(),
                queue().processedCount());
    }

    private long passesSince(Mark mark) {
        return queue().processedCount() - mark.passes();
    }

    private boolean idle() {
        return queue().depth() == 0 && queue().inFlight() == 0 && queue().delayedCount() == 0;
    }

    private List<String> controllerRequests() {
        return harness.kube().requestsFrom(ControllerHarness.CONTROLLER_USER_AGENT);
    }

    private long readyCount() {
        return MirrorResource.api(harness.kube().client()).inNamespace(ControllerHarness.NAMESPACE).list().getItems()
                .stream().filter(ControllerHarness::isReady).count();
    }

    private KeyedWorkQueue queue() {
        return ControllerHarness.queue(controller);
    }

    /** Checks cheap conditions (the queue's counters) before listing every resource, so polling costs little. */
    private static void awaitAll(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not reached within " + LIMIT + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    static String organization(int index) {
        return "benchorg" + index;
    }

    static String name(int index) {
        return "bench-" + index;
    }

    static String manifest(int index) {
        return """
                apiVersion: quay.herve4m.github.io/v1alpha1
                kind: OrganizationMirror
                metadata:
                  name: %s
                spec:
                  organization: %s
                  connSecretRef:
                    name: %s
                  externalRegistryType: quay
                  externalRegistryUrl: https://quay.io
                  externalNamespace: projectquay
                  robotUsername: %s+%s
                  syncInterval: 1d
                """.formatted(name(index), organization(index), ControllerHarness.SECRET, organization(index),
                ControllerHarness.ROBOT);
    }

    /** Where the counters stood when a scenario started. */
    private record Mark(long nanos, int quayCalls, int apiRequests, long passes) {
    }
}
