package io.github.quayorgmirror.benchmark;

import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.Kubeconfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controller as a cluster runs it: its own JVM, started from the packaged jar with the image's JVM flags
 * (src/main/docker/entrypoint.sh) and the benchmark's {@code JAVA_OPTS}, finding its API server through a
 * kubeconfig. Its CPU time and peak RSS are read from /proc, as a container's would be.
 */
final class ControllerProcess implements AutoCloseable {

    private static final Path ENTRYPOINT = Path.of("src/main/docker/entrypoint.sh");
    /** The flags entrypoint.sh puts before JAVA_OPTS, read from it so that the benchmark measures what ships. */
    static final List<String> IMAGE_FLAGS = imageFlags();
    /** The variables entrypoint.sh exports with a default ({@code export NAME="${NAME:-value}"}). */
    static final Map<String, String> IMAGE_ENVIRONMENT = imageEnvironment();
    /** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    /** -Dbenchmark.plain-java=true: a bare {@code java -jar}, without the image's flags and environment. */
    private static final boolean PLAIN_JAVA = Boolean.getBoolean("benchmark.plain-java");

    private final Process process;
    private final double secondsToReady;
    private final double cpuSecondsAtReady;

    private ControllerProcess(Process process, double secondsToReady) {
        this.process = process;
        this.secondsToReady = secondsToReady;
        this.cpuSecondsAtReady = cpuSeconds();
    }

    /**
     * Starts {@code jar} with the image's flags, then {@code javaOpts}, then the settings as system properties
     * (camel-main reads them as it reads the image's properties files); returns once /observe/health/ready is 200.
     */
    static ControllerProcess start(Path jar, String javaOpts, String apiServerUrl, Map<String, String> settings,
            Path logFile) {
        Path kubeconfig = Kubeconfig.write(Path.of("target/benchmark/kubeconfig"), apiServerUrl,
                ControllerHarness.NAMESPACE);
        int port = ControllerHarness.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!PLAIN_JAVA) {
            command.addAll(IMAGE_FLAGS);
        }
        command.addAll(Arrays.stream(javaOpts.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList());
        command.add("-Dkubernetes.user.agent=" + ControllerHarness.CONTROLLER_USER_AGENT);
        command.add("-Dcamel.management.port=" + port);
        command.add("-Dcamel.management.host=127.0.0.1");
        command.add("-Dcamel.main.routesIncludePattern=file:routes/*.yaml");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
        if (!PLAIN_JAVA) {
            builder.environment().putAll(IMAGE_ENVIRONMENT);
        }
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(process, port, start);
        return new ControllerProcess(process, (System.nanoTime() - start) / 1e9);
    }

    private static List<String> imageFlags() {
        String command = ControllerHarness.read(ENTRYPOINT).replace("\\\n", " ").lines().map(String::trim)
                .filter(line -> line.startsWith("exec java ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No 'exec java' line in " + ENTRYPOINT));
        return Arrays.stream(command.substring("exec java ".length()).split("\\s+"))
                .takeWhile(flag -> !flag.equals("$JAVA_OPTS"))
                // $class_data_sharing: the image's AppCDS archive, not part of the plain jar's start measured here
                .filter(flag -> !flag.startsWith("$")).toList();
    }

    private static Map<String, String> imageEnvironment() {
        Matcher exports = Pattern.compile("(?m)^export (\\w+)=\"\\$\\{\\1:-([^}]*)}\"$").matcher(ControllerHarness.read(ENTRYPOINT));
        Map<String, String> environment = new TreeMap<>();
        while (exports.find()) {
            environment.put(exports.group(1), exports.group(2));
        }
        return environment;
    }

    private static void awaitReady(Process process, int port, long start) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - start < START_LIMIT.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The controller exited with " + process.exitValue()
                        + " before it was ready; see target/benchmark/controller.log");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the management server is not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException("The controller was not ready within " + START_LIMIT);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    double secondsToReady() {
        return secondsToReady;
    }

    /** The CPU time the start took (all threads: main, JIT compilers, GC), which compares better than wall time on a shared machine. */
    double cpuSecondsAtReady() {
        return cpuSecondsAtReady;
    }

    /** The flags the controller is started with before the benchmark's JAVA_OPTS. */
    static List<String> startFlags() {
        return PLAIN_JAVA ? List.of() : IMAGE_FLAGS;
    }

    /** User plus system CPU time the process has used so far, in seconds. */
    double cpuSeconds() {
        return ThreadCpu.cpuTicks(ControllerHarness.read(Path.of("/proc", String.valueOf(process.pid()), "stat")))
                / TICKS_PER_SECOND;
    }

    /** The CPU time of each of the process's live threads so far. */
    ThreadCpu threadCpu() {
        return ThreadCpu.read(process.pid());
    }

    /** The peak resident set size so far (VmHWM), in MiB. */
    double peakRssMiB() {
        return ControllerHarness.read(Path.of("/proc", String.valueOf(process.pid()), "status")).lines()
                .filter(line -> line.startsWith("VmHWM:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow() / 1024.0;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as the kubelet stops a pod; waits for camel-main's graceful shutdown. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
