package io.github.quayorgmirror.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.github.quayorgmirror.embedded.EmbeddedMain;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.MockKubernetes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's embedded run as a user starts it, in its own JVM: a sandbox that tells how to reach it, accepts the
 * user's own resources, prints only the controller's INFO lines and its narrative, and stops at once.
 */
class EmbeddedRunIT {

    private static final String OWN_ORGANIZATION = "my-own-org";

    @TempDir
    Path dir;
    private Process run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.destroyForcibly();
        }
    }

    @Test
    void isAQuietSandboxThatTellsHowToUseItAndStopsWithinThreeSeconds() throws Exception {
        Path output = dir.resolve("embedded.log");
        run = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcamel.management.port=" + ControllerHarness.freePort(), "-cp", testClasspath(),
                EmbeddedMain.class.getName())).redirectErrorStream(true).redirectOutput(output.toFile()).start();

        await().atMost(Duration.ofSeconds(90)).until(() -> read(output).contains("Ctrl-C stops"));
        Path kubeconfig = Path.of("target/embedded/kubeconfig").toAbsolutePath();
        assertThat(read(output)).contains("export KUBECONFIG=" + kubeconfig, "kubectl get organizationmirrors",
                "kubectl edit organizationmirror organizationmirror-sample",
                "kubectl delete organizationmirror organizationmirror-sample");

        try (KubernetesClient user = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            String own = ControllerHarness.read(MockKubernetes.SAMPLE_FILE).replace("organizationmirror-sample", "mine")
                    .replace("productionmirror", OWN_ORGANIZATION);
            user.resource(own).create();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                GenericKubernetesResource mine = MirrorResource.api(user).inNamespace(ControllerHarness.NAMESPACE)
                        .withName("mine").get();
                return mine != null && ControllerHarness.isReady(mine);
            });
        }
        assertThat(read(output)).contains("Fake Quay: created organization '" + OWN_ORGANIZATION + "'");
        assertThat(read(output).lines().filter(line -> !line.isBlank()))
                .as("the narrative, the commands and the controller's INFO lines only").allMatch(line ->
                        line.startsWith("[embedded] ") || line.startsWith("  export ") || line.startsWith("  kubectl ")
                                || line.matches("\\d\\d:\\d\\d:\\d\\d INFO \\w+ - .*"));

        long stopping = System.nanoTime();
        run.destroy();
        assertThat(run.waitFor(10, TimeUnit.SECONDS)).as(() -> "still running 10 s after SIGTERM; its threads:\n"
                + threadDump(run) + "\nits output:\n" + uncheckedRead(output)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(3));
        assertThat(read(output)).contains("[embedded] Stopping");
    }

    /** Failsafe runs the tests from a manifest-only jar; the real class path is in this property. */
    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Where a stop hangs, for the failure message. */
    private static String threadDump(Process process) {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    String.valueOf(process.pid())).redirectErrorStream(true).start();
            String dump = new String(jstack.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jstack.waitFor(10, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private static String uncheckedRead(Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
