package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.quayorgmirror.testing.ControllerHarness;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real kubectl against the tests' API server and the running controller, as a user of the embedded run
 * drives it. Skipped only where kubectl is not installed; CI (.ci/run) installs it.
 */
class KubectlIT {

    private static final String SAMPLE = "organizationmirror-sample";

    @TempDir
    Path dir;
    private ControllerHarness harness;
    private Path kubeconfig;

    @BeforeEach
    void start() {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        harness = ControllerHarness.startWithTokenSecret();
        harness.startController();
        harness.applySample();
        harness.awaitReady(SAMPLE);
        kubeconfig = harness.kube().writeKubeconfig(dir.resolve("kubeconfig"), NAMESPACE);
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void getShowsTheCrdPrinterColumns() {
        Result get = kubectl("get", "organizationmirrors");

        assertThat(get.exit()).as(get.err()).isZero();
        assertThat(get.out().lines().findFirst().orElse("")).containsSubsequence("NAME", "ORGANIZATION", "READY",
                "REASON", "AGE");
        assertThat(get.out()).containsPattern(SAMPLE + "\\s+" + ORGANIZATION + "\\s+True\\s+Reconciled\\s+\\d+s");
    }

    @Test
    void applyOfAnInvalidManifestIsRefusedNamingTheField() throws IOException {
        Path manifest = Files.writeString(dir.resolve("invalid.yaml"), ControllerHarness.read(ControllerHarness.SAMPLE)
                .replace("name: organizationmirror-sample", "name: invalid").replace("visibility: public", "visibility: secret"));

        Result apply = kubectl("apply", "-f", manifest.toString());

        assertThat(apply.exit()).isNotZero();
        assertThat(apply.err()).contains("spec.visibility: Unsupported value: \"secret\"");
        assertThat(harness.mirror("invalid")).isNull();
    }

    @Test
    void changingTheOrganizationIsRefusedByTheCelRule() {
        Result patch = kubectl("patch", "organizationmirror", SAMPLE, "--type", "merge",
                "-p", "{\"spec\":{\"organization\":\"other\"}}");

        assertThat(patch.exit()).isNotZero();
        assertThat(patch.err()).contains("spec.organization", "organization is immutable");
        assertThat(harness.mirror(SAMPLE).getAdditionalProperties().toString()).contains("organization=" + ORGANIZATION);
    }

    @Test
    void aValidEditIsAppliedAndWaitedForByObservedGeneration() {
        Result edit = kubectl(Map.of("KUBE_EDITOR", "sed -i s/visibility:\\ public/visibility:\\ private/"),
                "edit", "organizationmirror", SAMPLE);
        assertThat(edit.exit()).as(edit.err()).isZero();

        Result wait = kubectl("wait", "organizationmirror/" + SAMPLE, "--for=jsonpath={.status.observedGeneration}=2",
                "--timeout=60s");
        Result ready = kubectl("wait", "organizationmirror/" + SAMPLE, "--for=condition=Ready", "--timeout=60s");

        assertThat(wait.exit()).as(wait.err()).isZero();
        assertThat(ready.exit()).as(ready.err()).isZero();
        assertThat(harness.quay().mirrorConfig(ORGANIZATION).orElseThrow()).containsEntry("visibility", "private");
        Result describe = kubectl("describe", "organizationmirror", SAMPLE);
        assertThat(describe.out()).contains("Events:", "Updated", "visibility");
    }

    @Test
    void deleteWaitsForTheFinalizerAndRemovesTheMirrorFromQuay() {
        Result delete = kubectl("delete", "organizationmirror", SAMPLE, "--timeout=60s");

        assertThat(delete.exit()).as(delete.err()).isZero();
        assertThat(delete.out()).contains("\"" + SAMPLE + "\" deleted");
        assertThat(harness.mirror(SAMPLE)).isNull();
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isEmpty();
    }

    private record Result(int exit, String out, String err) {
    }

    private Result kubectl(String... args) {
        return kubectl(Map.of(), args);
    }

    private Result kubectl(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not end in 90 s");
            }
            return new Result(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
