package io.github.quayorgmirror.benchmark;

import io.github.quayorgmirror.testing.ControllerHarness;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller's memory with many unrelated Secrets in the watched namespaces. The packaged jar runs in a
 * process of its own (its RSS is read from /proc), against the embedded API server and the fake Quay in this
 * JVM, twice: without unrelated Secrets, and with {@code benchmark.unrelated-secrets} Secrets of
 * {@code benchmark.secret-kib} KiB each created before it starts. Each run: one mirror until Ready, then its
 * connection Secret rotated (timed until Quay sees the new token), then a pause and a full GC ({@code jcmd GC.run}),
 * then VmRSS and VmHWM (the peak over the whole run).
 * <pre>
 * mvn -B -q package -DskipTests
 * MAVEN_OPTS=-Xmx6g mvn -B -q test-compile exec:java@secret-memory -Dbenchmark.unrelated-secrets=1000 \
 *     -Dbenchmark.secret-kib=1024 -Dbenchmark.heap=384m
 * </pre>
 * {@code benchmark.jar} runs another build of the controller (e.g. an older one) the same way.
 */
public final class SecretMemoryBenchmark {

    private static final PrintStream OUT = System.out;
    /** Held, so the level set on it stays: the mock server logs every request through java.util.logging. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final Path jar;
    private final String heap;

    private SecretMemoryBenchmark(Path jar, String heap) {
        this.jar = jar;
        this.heap = heap;
    }

    public static void main(String[] args) throws Exception {
        // the production levels, not the tests' DEBUG (a -D flag of the same name still wins)
        for (String logger : List.of("io.github.quayorgmirror", "org.apache.camel.component.http",
                "org.apache.camel.processor.errorhandler")) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger,
                    System.getProperty("org.slf4j.simpleLogger.log." + logger, "info"));
        }
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        int unrelated = Integer.getInteger("benchmark.unrelated-secrets", 1000);
        int kib = Integer.getInteger("benchmark.secret-kib", 1024);
        SecretMemoryBenchmark benchmark = new SecretMemoryBenchmark(
                Path.of(System.getProperty("benchmark.jar", "target/quay-orgmirror-controller.jar")),
                System.getProperty("benchmark.heap", "384m"));
        OUT.printf("jar %s, -Xmx%s, Java %s%n", benchmark.jar, benchmark.heap, System.getProperty("java.version"));
        OUT.println("| unrelated Secrets | rotation applied after | VmRSS after full GC | VmHWM (peak) |");
        OUT.println("|---|---|---|---|");
        benchmark.run(0, kib);
        benchmark.run(unrelated, kib);
        System.exit(0);
    }

    private void run(int unrelated, int kib) throws Exception {
        try (ControllerHarness harness = ControllerHarness.start()) {
            String blob = "x".repeat(kib * 1024);
            for (int i = 0; i < unrelated; i++) {
                harness.kube().createSecret(ControllerHarness.NAMESPACE, "unrelated-" + i, Map.of("blob", blob));
            }
            harness.createConnectionSecret(true);
            Path workDir = Files.createTempDirectory("secret-memory");
            Path kubeconfig = harness.kube().writeKubeconfig(workDir.resolve("kubeconfig"), ControllerHarness.NAMESPACE);
            Process controller = start(kubeconfig, workDir.resolve("controller.log"));
            try {
                harness.applySample();
                await(Duration.ofMinutes(5), () -> {
                    var resource = harness.mirror("organizationmirror-sample");
                    return resource != null && ControllerHarness.isReady(resource);
                }, controller, workDir);
                Duration rotation = rotate(harness, controller, workDir);
                Thread.sleep(10_000);
                // what stays, not what the collector has not yet given back
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(controller.pid()), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                Thread.sleep(2_000);
                Map<String, String> status = procStatus(controller.pid());
                OUT.printf("| %d × %d KiB | %.1f s | %s | %s |%n", unrelated, kib, rotation.toMillis() / 1000.0,
                        status.get("VmRSS"), status.get("VmHWM"));
            } catch (ControllerExited exited) {
                OUT.printf("| %d × %d KiB | — | %s | — |%n", unrelated, kib, exited.getMessage());
            } finally {
                controller.destroy();
                if (!controller.waitFor(30, TimeUnit.SECONDS)) {
                    controller.destroyForcibly();
                }
            }
        }
    }

    /** A new token, the old one revoked: the time until Quay answers the controller with the new one. */
    private static Duration rotate(ControllerHarness harness, Process controller, Path workDir) throws Exception {
        String newToken = harness.quay().addToken(ControllerHarness.USER, "org:admin");
        harness.quay().expireToken(harness.token());
        harness.quay().clearCalls();
        long start = System.nanoTime();
        harness.writeTokenSecret(newToken, Map.of());
        await(Duration.ofMinutes(2), () -> harness.quay().calls().stream().anyMatch(call ->
                call.path().endsWith("/mirror") && call.status() == 200), controller, workDir);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Process start(Path kubeconfig, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError", "-Dcamel.management.port=" + ControllerHarness.freePort(),
                "-Dcamel.management.host=127.0.0.1", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile())
                // the routes/ beside the jar's build: another build runs with its own routes
                .directory(jar.toAbsolutePath().getParent().getParent().toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("ORGMIRROR_WATCH_RESYNC_PERIOD", "0");
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        return builder.start();
    }

    private static void await(Duration limit, java.util.function.BooleanSupplier done, Process controller, Path workDir)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (!controller.isAlive()) {
                throw new ControllerExited("exited with code " + controller.exitValue() + " (" + lastLine(workDir) + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not done within " + limit + "; see " + workDir.resolve("controller.log"));
            }
            Thread.sleep(100);
        }
    }

    private static final class ControllerExited extends Exception {
        ControllerExited(String message) {
            super(message);
        }
    }

    private static String lastLine(Path workDir) throws IOException {
        List<String> lines = Files.readAllLines(workDir.resolve("controller.log"));
        return lines.stream().filter(line -> line.contains("OutOfMemoryError")).findFirst()
                .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
    }

    /** VmRSS, VmHWM... of /proc/PID/status, e.g. {@code "212340 kB"}. */
    private static Map<String, String> procStatus(long pid) throws IOException {
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return values;
    }
}
