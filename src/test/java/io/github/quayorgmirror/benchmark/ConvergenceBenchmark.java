package io.github.quayorgmirror.benchmark;

import io.github.quayorgmirror.fakequay.FakeQuay;
import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * What a cluster would see of the controller: the packaged jar runs as its own process, started as the image
 * starts it ({@link ControllerProcess}), against the embedded API server (fabric8's mock behind the strict
 * admission layer) and the fake Quay, both in this JVM on loopback. Each scenario prints its wall time, its
 * ratio to the Quay floor (N x the fewest Quay calls x latency / parallelism), the controller's CPU per mirror
 * (from /proc), its Quay calls and API reads and writes per mirror, and its peak RSS (VmHWM):
 * <ol>
 *   <li>create N mirrors, until every one is Ready;</li>
 *   <li>the shared connection Secret rotated, until every mirror was checked with it;</li>
 *   <li>a restart over N unchanged mirrors (the work of one periodic resync), start-up included;</li>
 *   <li>the spec of every mirror edited, until Quay holds every new value;</li>
 *   <li>every mirror deleted, until none is left;</li>
 * </ol>
 * then the latency of single spec edits. Counts are taken once the controller has been quiet (no Quay call, no
 * API request) for {@code benchmark.quiet-ms}, so that late echoes of a scenario are charged to it.
 * {@code benchmark.resources} and {@code benchmark.quay-latency-ms} take comma-separated lists: every combination
 * runs with fresh servers and a fresh controller process, and one Markdown table of all of them ends the output.
 * Quay is https with a verified certificate unless {@code -Dbenchmark.quay-scheme=http}.
 * {@code mvn -B -q package -DskipTests && mvn -B -q test-compile exec:java@benchmark -Dbenchmark.resources=1000,10000
 * -Dbenchmark.parallelism=4 -Dbenchmark.quay-latency-ms=0,20 -Dbenchmark.java-opts=-XX:MaxRAM=256m}
 */
public final class ConvergenceBenchmark {

    private static final PrintStream OUT = System.out;
    /** Held, so the level set on it stays: the mock server logs every request through java.util.logging. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");
    /**
     * With a warm-up: the controller that ran it is stopped and a fresh one measures the scenarios, so the API
     * server and the fake Quay (this JVM) are warm and the controller is cold, as after a rollout in a cluster.
     */
    private static final boolean COLD_CONTROLLER = Boolean.getBoolean("benchmark.cold-controller");
    private static final Path JAR = Path.of("target/quay-orgmirror-controller.jar");

    private final ControllerHarness harness;
    private final MirrorReadiness mirrors;
    private final SummaryTable summary;
    private final SummaryTable.Run run;
    private final int resources;
    private final int parallelism;
    private final Duration quayLatency;
    private final Duration quiet;
    private final String javaOpts;
    private final Path log;
    /** How long a condition may take before the run is given up: 30 minutes, or a minute per 100 mirrors if longer. */
    private final Duration limit;
    private final Map<String, String> settings;
    private ControllerProcess controller;

    private ConvergenceBenchmark(ControllerHarness harness, MirrorReadiness mirrors, SummaryTable summary, int resources,
            int parallelism, Duration quayLatency, Duration quiet, String javaOpts, Map<String, String> trustStore) {
        this.harness = harness;
        this.mirrors = mirrors;
        this.summary = summary;
        this.run = new SummaryTable.Run(resources, quayLatency.toMillis());
        this.resources = resources;
        this.parallelism = parallelism;
        this.quayLatency = quayLatency;
        this.quiet = quiet;
        this.javaOpts = javaOpts;
        this.limit = Duration.ofMinutes(Math.max(30, resources / 100));
        this.log = Path.of("target/benchmark/controller-" + resources + "-" + quayLatency.toMillis() + "ms.log");
        // the image's defaults but for the parallelism, and no periodic resync: scenario 3 is one
        this.settings = new TreeMap<>(trustStore);
        settings.put("orgmirror.queue.parallelism", String.valueOf(parallelism));
        settings.put("orgmirror.watch.resync-period", "0");
    }

    public static void main(String[] args) throws Exception {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        List<Integer> resourceCounts = integers(System.getProperty("benchmark.resources", "1000"));
        List<Integer> quayLatencies = integers(System.getProperty("benchmark.quay-latency-ms", "0"));
        int parallelism = Integer.getInteger("benchmark.parallelism", 4);
        int edits = Integer.getInteger("benchmark.edits", 20);
        int warmup = Integer.getInteger("benchmark.warmup", 0);
        Duration quiet = Duration.ofMillis(Integer.getInteger("benchmark.quiet-ms", 1500));
        String javaOpts = System.getProperty("benchmark.java-opts", "-XX:MaxRAM=256m");
        // Quay over verified TLS, as in production; http only to compare with the runs before (one Warning per mirror)
        boolean https = !"http".equals(System.getProperty("benchmark.quay-scheme", "https"));
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn -B package -DskipTests first");
        }
        Files.createDirectories(Path.of("target/benchmark"));
        Map<String, String> trustStore = https ? QuayTrustStore.write(Path.of("target/benchmark/fakequay-truststore.p12"))
                : Map.of();
        SummaryTable summary = new SummaryTable();
        long start = System.nanoTime();
        for (int resources : resourceCounts) {
            for (int latency : quayLatencies) {
                // fresh servers and a fresh controller for each combination: nothing carries over but the JIT of this JVM
                try (ControllerHarness harness = ControllerHarness.startWithTokenSecret(
                        https ? FakeQuay.startHttps() : FakeQuay.startHttp());
                        MirrorReadiness mirrors = new MirrorReadiness(harness.kube().client())) {
                    new ConvergenceBenchmark(harness, mirrors, summary, resources, parallelism,
                            Duration.ofMillis(latency), quiet, javaOpts, trustStore).run(warmup, edits);
                } catch (RuntimeException e) {
                    OUT.printf("%n   FAILED: %s%n", e.getMessage());
                    summary.addFailure(new SummaryTable.Run(resources, latency), e.getMessage());
                }
            }
        }
        summary.print(OUT, String.format("Summary (%s, %d cores, Java %s, parallelism %d, warm-up %d, JAVA_OPTS %s,"
                + " Quay over %s, commit %s), %.0f s in all", java.time.LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), parallelism, warmup,
                javaOpts, https ? "https (validateCerts)" : "http", commit(),
                (System.nanoTime() - start) / 1e9));
        // the mock server's and the fake Quay's threads are not all daemons
        System.exit(0);
    }

    private static List<Integer> integers(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    /** The checked-out commit the figures belong to (with + when the work tree has changes), or "unknown". */
    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty=+").redirectErrorStream(true).start();
            String described = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? described : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    void run(int warmup, int edits) throws InterruptedException, java.io.IOException {
        Files.deleteIfExists(log);
        OUT.printf("%nquay-orgmirror-controller benchmark: %d mirrors, parallelism %d, Quay latency %d ms, %d cores,"
                + " Java %s%ncontroller: java %s %s -jar %s%n", resources, parallelism, quayLatency.toMillis(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                String.join(" ", ControllerProcess.startFlags()), javaOpts, JAR);
        seedQuay(0, resources + warmup);
        if (!quayLatency.isZero()) {
            // every Quay call waits this long before it is answered, as across a network to a busy Quay
            harness.quay().failNext(FaultSpec.forPath("*").delay(quayLatency).times(Integer.MAX_VALUE));
        }
        controller = startController();
        awaitQuiet();
        try {
            warmUp(warmup);
            if (warmup > 0 && COLD_CONTROLLER) {
                // the servers stay warm, the controller starts afresh: a cold controller against a warm cluster
                controller.close();
                controller = startController("fresh start after the warm-up");
                awaitQuiet();
            }
            create();
            rotateSecret();
            restart();
            editAll();
            editLatency(edits);
            deleteAll();
        } finally {
            controller.close();
        }
    }

    private ControllerProcess startController() {
        return startController(controller == null ? "first start" : "restart");
    }

    private ControllerProcess startController(String which) {
        ControllerProcess started = ControllerProcess.start(JAR, javaOpts, harness.kube().url(), settings, log);
        OUT.printf("%n   process start to /observe/health/ready = 200: %.2f s (CPU %.2f s)%n", started.secondsToReady(),
                started.cpuSecondsAtReady());
        summary.addStart(run, which, started.secondsToReady());
        return started;
    }

    /** Mirrors created and deleted before the scenarios (organizations after the N measured): a warm JIT. */
    private void warmUp(int warmup) {
        if (warmup == 0) {
            return;
        }
        for (int i = resources; i < resources + warmup; i++) {
            harness.create(manifest(i));
        }
        awaitAll("every warm-up mirror Ready", () -> mirrors.ready() == warmup);
        deleteEveryMirror();
        awaitQuiet();
        OUT.printf("%n   warm-up: %d mirrors created and deleted%n", warmup);
    }

    private void seedQuay(int from, int to) {
        for (int i = from; i < to; i++) {
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
        awaitAll("every mirror Ready", () -> mirrors.ready() == resources);
        report("1. create", "1. create " + resources + " mirrors until all Ready", mark, 2);
        OUT.printf("   Events so far by reason:   %s%n", eventReasons());
    }

    private void rotateSecret() {
        String newToken = harness.quay().addToken(ControllerHarness.USER, "org:admin");
        harness.quay().expireToken(harness.token());
        Mark mark = mark();
        writeTokenSecret(newToken);
        awaitAll("every mirror checked after the rotation", () -> quayCallsSince(mark) >= resources);
        report("2. rotate", "2. connection Secret rotated, until all " + resources + " checked with it", mark, 1);
    }

    /** The rotated Secret keeps what the first one held but the token: the https host, {@code validateCerts}. */
    private void writeTokenSecret(String token) {
        Map<String, String> values = new TreeMap<>(harness.kube().client().secrets()
                .inNamespace(ControllerHarness.NAMESPACE).withName(ControllerHarness.SECRET).get().getData());
        values.replaceAll((key, base64) -> new String(java.util.Base64.getDecoder().decode(base64),
                java.nio.charset.StandardCharsets.UTF_8));
        values.put("token", token);
        harness.kube().createSecret(ControllerHarness.NAMESPACE, ControllerHarness.SECRET, values);
    }

    /** How many Events (events.k8s.io) the controller wrote, by reason: CleartextConnection only over http. */
    private String eventReasons() {
        return harness.kube().client().events().v1().events().inNamespace(ControllerHarness.NAMESPACE).list().getItems()
                .stream().collect(Collectors.groupingBy(event -> event.getReason(), TreeMap::new, Collectors.counting()))
                .toString();
    }

    private void restart() {
        controller.close();
        // the new process's CPU time counts from zero: its start-up is charged to the scenario
        Mark mark = mark(0, ThreadCpu.NONE);
        controller = startController();
        awaitAll("every mirror checked after the restart", () -> quayCallsSince(mark) >= resources);
        report("3. restart", "3. restart (= one resync) over " + resources + " unchanged mirrors, JVM start included", mark, 1);
    }

    private void editAll() {
        long seconds = 2 * 86_400L;
        Mark mark = mark();
        for (int i = 0; i < resources; i++) {
            harness.editSpec(name(i), "syncInterval", String.valueOf(seconds));
        }
        // a value once in Quay stays: each poll goes on from the first mirror not confirmed yet
        int[] confirmed = {0};
        awaitAll("every edit in Quay", () -> {
            while (confirmed[0] < resources && Long.valueOf(seconds).equals(harness.quay()
                    .mirrorConfig(organization(confirmed[0])).orElseThrow().get("sync_interval"))) {
                confirmed[0]++;
            }
            return confirmed[0] == resources;
        });
        report("4. edit all", "4. spec of all " + resources + " mirrors edited, until Quay holds every new value", mark, 2);
    }

    private void deleteAll() {
        Mark mark = mark();
        deleteEveryMirror();
        report("5. delete all", "5. all " + resources + " mirrors deleted, until none is left", mark, 1);
    }

    private void deleteEveryMirror() {
        MirrorResource.api(harness.kube().client()).inNamespace(ControllerHarness.NAMESPACE).delete();
        awaitAll("every mirror gone", () -> mirrors.present() == 0);
    }

    private void editLatency(int edits) throws InterruptedException {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            // the previous pass ends first (its GET after the write, its status): each edit meets an idle key
            awaitQuiet();
            long seconds = 3 * 86_400L + 60L * (i + 1);
            long start = System.nanoTime();
            harness.editSpec(name(0), "syncInterval", String.valueOf(seconds));
            while (!Long.valueOf(seconds).equals(harness.quay().mirrorConfig(organization(0)).orElseThrow()
                    .get("sync_interval"))) {
                Thread.sleep(1);
                if (System.nanoTime() - start > limit.toNanos()) {
                    throw new IllegalStateException("edit " + i + " never reached Quay");
                }
            }
            micros.add((System.nanoTime() - start) / 1000);
        }
        awaitQuiet();
        Collections.sort(micros);
        OUT.printf("%n   spec edit until Quay holds the new value, %d edits of one idle mirror:"
                + " p50 %.1f ms   p90 %.1f ms   max %.1f ms%n", edits, percentile(micros, 50) / 1000.0,
                percentile(micros, 90) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
        summary.addEditLatency(run, edits, percentile(micros, 50) / 1000.0, percentile(micros, 90) / 1000.0);
    }

    /**
     * Wall time until the scenario's condition held; the counts once the controller has been quiet, so that
     * what a scenario's last passes still do is charged to it.
     */
    private void report(String scenario, String title, Mark mark, int fewestQuayCallsPerMirror) {
        double seconds = (System.nanoTime() - mark.nanos()) / 1e9;
        awaitQuiet();
        List<RecordedCall> allQuayCalls = harness.quay().calls();
        List<RecordedCall> quayCalls = allQuayCalls.subList(mark.quayCalls(), allQuayCalls.size());
        List<String> allApiRequests = controllerRequests();
        List<String> apiRequests = allApiRequests.subList(mark.apiRequests(), allApiRequests.size());
        ScenarioFigures figures = new ScenarioFigures(scenario, seconds,
                resources * fewestQuayCallsPerMirror * quayLatency.toMillis() / 1000.0 / parallelism,
                (controller.cpuSeconds() - mark.cpuSeconds()) * 1000 / resources,
                perMirror(controller.threadCpu().millisByGroupSince(mark.threadCpu())),
                (harnessCpuSeconds() - mark.harnessCpuSeconds()) * 1000 / resources,
                quayCalls.stream().collect(Collectors.groupingBy(call -> call.method() + " " + shape(call.path()),
                        TreeMap::new, Collectors.counting())),
                apiRequests.stream().filter(request -> request.startsWith("GET "))
                        .collect(Collectors.groupingBy(ConvergenceBenchmark::apiReadKind, TreeMap::new, Collectors.counting())),
                apiRequests.stream().filter(request -> !request.startsWith("GET "))
                        .collect(Collectors.groupingBy(ConvergenceBenchmark::apiWriteKind, TreeMap::new, Collectors.counting())),
                controller.peakRssMiB(), resources);
        summary.add(run, figures);
        OUT.printf("%n%s%n", title);
        OUT.printf("   wall %s   %.0f mirrors/s   ratio to the floor (%d call(s) x %d ms x N / %d): %s%n", figures.wall(),
                resources / seconds, fewestQuayCallsPerMirror, quayLatency.toMillis(), parallelism, figures.ratio());
        OUT.printf("   controller CPU per mirror: %.2f ms   peak RSS (VmHWM): %.0f MiB%n", figures.controllerCpuMs(),
                figures.peakRssMiB());
        OUT.printf("   by thread group (ms):      %s%n", figures.cpuSplit());
        OUT.printf("   harness CPU per mirror:    %.2f ms (this JVM: API server, fake Quay, the benchmark's requests)%n",
                figures.harnessCpuMs());
        OUT.printf("   Quay calls per mirror:     %.2f (%s)%n", quayCalls.size() / (double) resources,
                figures.perMirror(figures.quayCalls()));
        OUT.printf("   API reads per mirror:      %s%n", figures.perMirror(figures.apiReads()));
        OUT.printf("   API writes per mirror:     %s%n", figures.perMirror(figures.apiWrites()));
    }

    /** A Quay path with the organization left out, so calls group by endpoint. */
    private static String shape(String path) {
        return path.replaceAll("/organization/[^/]+", "/organization/{org}");
    }

    /**
     * The kind of object read (secrets, organizationmirrors, leases...), and whether it was a list or watch; a path
     * outside the resource APIs (the early {@code GET /version}) as itself.
     */
    private static String apiReadKind(String request) {
        String[] pathAndQuery = request.substring("GET ".length()).split("\\?", 2);
        if (!pathAndQuery[0].startsWith("/api/") && !pathAndQuery[0].startsWith("/apis/")) {
            return "GET " + pathAndQuery[0];
        }
        String[] segments = pathAndQuery[0].split("/");
        boolean named = segments.length >= 2 && segments[segments.length - 2].matches("[a-z]+s");
        String kind = named ? segments[segments.length - 2] + " get" : segments[segments.length - 1];
        if (!named) {
            kind += pathAndQuery.length > 1 && pathAndQuery[1].contains("watch=true") ? " watch" : " list";
        }
        return kind;
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
        return mark(controller.cpuSeconds(), controller.threadCpu());
    }

    private Mark mark(double controllerCpuSeconds, ThreadCpu controllerThreads) {
        return new Mark(System.nanoTime(), harness.quay().callCount(), controllerRequestCount(),
                controllerCpuSeconds, controllerThreads, harnessCpuSeconds());
    }

    private Map<String, Double> perMirror(Map<String, Double> millis) {
        Map<String, Double> perMirror = new java.util.LinkedHashMap<>(millis);
        perMirror.replaceAll((group, total) -> total / resources);
        return perMirror;
    }

    /** This JVM's own CPU time: what the API server, the fake Quay and the polling cost, never the controller's. */
    private static double harnessCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private long quayCallsSince(Mark mark) {
        return harness.quay().callCount() - mark.quayCalls();
    }

    private List<String> controllerRequests() {
        return harness.kube().requestsFrom(ControllerHarness.CONTROLLER_USER_AGENT);
    }

    private int controllerRequestCount() {
        return harness.kube().requestCountFrom(ControllerHarness.CONTROLLER_USER_AGENT);
    }

    /** Until neither a Quay call nor an API request of the controller came in for the quiet period. */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + limit.toNanos();
        int calls = -1;
        int requests = -1;
        long since = System.nanoTime();
        while (System.nanoTime() - since < quiet.toNanos()) {
            int nowCalls = harness.quay().callCount();
            int nowRequests = controllerRequestCount();
            if (nowCalls != calls || nowRequests != requests) {
                calls = nowCalls;
                requests = nowRequests;
                since = System.nanoTime();
            }
            if (System.nanoTime() > deadline || !controller.isAlive()) {
                throw new IllegalStateException("The controller never became quiet (or exited)");
            }
            sleep(50);
        }
    }

    private void awaitAll(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (!controller.isAlive()) {
                throw new IllegalStateException("the controller exited (see " + log + ") before " + what + " ("
                        + mirrors.ready() + " of " + mirrors.present() + " mirrors Ready)");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + limit + ": " + what);
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
    private record Mark(long nanos, int quayCalls, int apiRequests, double cpuSeconds, ThreadCpu threadCpu,
            double harnessCpuSeconds) {
    }
}
