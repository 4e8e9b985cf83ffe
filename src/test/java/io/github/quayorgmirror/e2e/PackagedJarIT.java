package io.github.quayorgmirror.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.testing.ControllerHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact users run: {@code java -jar target/quay-orgmirror-controller.jar}, finding the API server
 * like kubectl does (KUBECONFIG) and configured by environment variables, in a process of its own.
 */
class PackagedJarIT {

    @TempDir
    Path workDir;

    private ControllerHarness harness;
    private Process controller;

    @BeforeEach
    void start() {
        harness = ControllerHarness.startWithTokenSecret();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (controller != null) {
            controller.destroy();
            if (!controller.waitFor(30, TimeUnit.SECONDS)) {
                controller.destroyForcibly();
            }
        }
        harness.close();
    }

    @Test
    void theJarControlsTheClusterItsKubeconfigNames() throws IOException, InterruptedException {
        Path kubeconfig = harness.kube().writeKubeconfig(workDir.resolve("kubeconfig"), ControllerHarness.NAMESPACE);
        Path log = workDir.resolve("controller.log");
        controller = jar(kubeconfig, log).start();

        harness.applySample();

        harness.awaitReady("organizationmirror-sample");
        assertThat(harness.quay().mirrorConfig(ControllerHarness.ORGANIZATION)).isPresent();
        assertThat(Files.readString(log)).contains("Informer started").doesNotContain(harness.token())
                .doesNotContain("SLF4J");
    }

    /** The client is built on a thread of its own: what its builder throws still ends the start, said once. */
    @Test
    void anUnreadableKubeconfigEndsTheProcessWithItsParserError() throws IOException, InterruptedException {
        Path kubeconfig = Files.writeString(workDir.resolve("kubeconfig"), "clusters: [ {");
        Path log = workDir.resolve("controller.log");
        controller = jar(kubeconfig, log).start();

        assertThat(controller.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(controller.exitValue()).isNotZero();
        assertThat(Files.readString(log)).containsOnlyOnce("expected the node content")
                .containsOnlyOnce("at io.fabric8.kubernetes.client.Config.autoConfigure");
    }

    private static ProcessBuilder jar(Path kubeconfig, Path log) {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcamel.management.port=" + ControllerHarness.freePort(), "-Dcamel.management.host=127.0.0.1",
                "-jar", "target/quay-orgmirror-controller.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("ORGMIRROR_WATCH_RESYNC_PERIOD", "5s");
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        return builder;
    }
}
