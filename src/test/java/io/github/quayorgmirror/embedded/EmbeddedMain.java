package io.github.quayorgmirror.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * README's "run" command: the real controller, on the real routes, against an embedded Kubernetes
 * API server (fabric8's mock, CRUD mode, our CRD) and the fake Quay. It applies the samples of
 * {@code k8s/samples/}, prints what happens, and keeps running with the management endpoint
 * (health, metrics) until interrupted.
 */
public final class EmbeddedMain {

    private static final PrintStream OUT = System.out;
    static final Path KUBECONFIG = Path.of("target/embedded/kubeconfig");
    /** Held, so the level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private EmbeddedMain() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging(Boolean.getBoolean("embedded.verbose"));
        String port = System.getProperty("camel.management.port", "8080");
        ControllerHarness harness = ControllerHarness.startWithTokenSecret();
        say("Kubernetes API (mock) at " + harness.kube().url() + ", fake Quay at " + harness.quay().baseUri());
        say("Connection Secret " + ControllerHarness.NAMESPACE + "/" + ControllerHarness.SECRET
                + " created (host = the fake Quay, an org:admin token)");
        harness.kube().onMirrorAdmitted(mirror -> createOrganizationOnFirstUse(harness, mirror));

        printChanges(harness);
        // Camel waits up to its shutdown timeout (45 s) for exchanges in flight, e.g. a reconcile waiting on a slow
        // Quay call: a sandbox has nothing worth that wait, so Ctrl-C ends it within seconds
        harness.startController(Map.of("camel.management.port", port, "orgmirror.watch.resync-period", "1m",
                "camel.main.shutdownTimeout", "1"));
        say("Controller started; health at http://127.0.0.1:" + port + "/observe/health, metrics at http://127.0.0.1:"
                + port + "/observe/metrics");

        for (Path sample : mirrorSamples()) {
            harness.kube().apply(sample, ControllerHarness.NAMESPACE);
            say("Applied " + sample);
        }
        Path kubeconfig = harness.kube().writeKubeconfig(KUBECONFIG, ControllerHarness.NAMESPACE).toAbsolutePath();
        say("kubectl works against it (kubectl 1.32). In another shell:");
        OUT.println();
        OUT.println("  export KUBECONFIG=" + kubeconfig);
        OUT.println("  kubectl get organizationmirrors");
        OUT.println("  kubectl edit organizationmirror organizationmirror-sample     # e.g. set spec.visibility: private");
        OUT.println("  kubectl delete organizationmirror organizationmirror-sample");
        OUT.println();
        say("Your own OrganizationMirrors work too: the fake Quay creates their organization on first use. Ctrl-C stops.");

        CountDownLatch interrupted = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping");
            closeWithin(harness, Duration.ofMillis(2500));
            interrupted.countDown();
        }));
        interrupted.await();
    }

    /**
     * A sandbox promises to stop within 3 s of Ctrl-C: the JVM halts once this hook returns, so a close that hangs
     * (a mock server or a watch that is slow to let go) is left behind, and the narrative says where it hung.
     */
    private static void closeWithin(ControllerHarness harness, Duration limit) {
        Thread closing = new Thread(harness::close, "embedded-close");
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closing.isAlive()) {
            say("Stopped without waiting for the close, still in " + Arrays.stream(closing.getStackTrace())
                    .limit(3).map(StackTraceElement::toString).toList());
        }
    }

    /** The fake Quay gets the organization (and its robot) of a resource a user creates, so any manifest can be tried. */
    private static void createOrganizationOnFirstUse(ControllerHarness harness, JsonNode mirror) {
        String organization = mirror.at("/spec/organization").asText();
        if (organization.isEmpty() || harness.quay().hasOrganization(organization)) {
            return;
        }
        harness.quay().addOrganization(organization);
        harness.quay().makeOrgAdmin(organization, ControllerHarness.USER);
        String robot = mirror.at("/spec/robotUsername").asText();
        String robotName = robot.startsWith(organization + "+") ? robot.substring(organization.length() + 1) : "";
        if (!robotName.isEmpty()) {
            harness.quay().addRobot(organization, robotName);
        }
        say("Fake Quay: created organization '" + organization + "'" + (robotName.isEmpty() ? "" : " and robot '" + robot + "'")
                + " for " + mirror.at("/metadata/name").asText() + " (first use)");
    }

    /**
     * The controller's INFO lines and this narrative only: DEBUG of the tests' log configuration and the mock
     * server's request log stay off unless {@code -Dembedded.verbose=true}. Runs before any logger exists.
     */
    private static void quietLogging(boolean verbose) {
        if (!verbose) {
            // system properties win over the tests' simplelogger.properties, key by key
            Map.of("defaultLogLevel", "error", "dateTimeFormat", "HH:mm:ss", "showThreadName", "false",
                    "log.io.github.quayorgmirror", "info",
                    "log.org.apache.camel.component.http", "error",
                    "log.org.apache.camel.processor.errorhandler", "error")
                    .forEach((key, value) -> System.setProperty("org.slf4j.simpleLogger." + key, value));
            MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        }
    }

    /** The OrganizationMirror samples; the sample Secret holds placeholders, so the harness made a real one. */
    static List<Path> mirrorSamples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("k8s/samples"))) {
            return files.filter(file -> ControllerHarness.read(file).contains("kind: OrganizationMirror")).sorted().toList();
        }
    }

    private static void printChanges(ControllerHarness harness) {
        harness.kube().client().events().v1().events().inAnyNamespace().watch(new Printer<>(event ->
                say("Event     " + event.getType() + " " + event.getReason() + " " + event.getRegarding().getName()
                        + ": " + event.getNote())));
        MirrorResource.api(harness.kube().client()).inAnyNamespace().watch(new Printer<>(EmbeddedMain::printStatus));
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quay-call-printer");
            thread.setDaemon(true);
            return thread;
        });
        int[] seen = {0};
        poller.scheduleWithFixedDelay(() -> {
            List<RecordedCall> calls = harness.quay().calls();
            for (int i = seen[0]; i < calls.size(); i++) {
                RecordedCall call = calls.get(i);
                say("Quay      " + call.method() + " " + call.path() + " -> " + call.status());
            }
            seen[0] = calls.size();
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    private static void printStatus(GenericKubernetesResource resource) {
        OrganizationMirrorStatus status = OrganizationMirrorStatus.of(resource);
        Condition ready = status.condition(Condition.READY);
        say("Resource  " + MirrorResource.key(resource) + " generation=" + MirrorResource.generation(resource)
                + (ready == null ? " (no status yet)" : " Ready=" + ready.status() + " reason=" + ready.reason()
                        + " existInQuay=" + status.existInQuay()
                        + (status.quay() == null ? "" : " quay.syncStatus=" + status.quay().syncStatus()))
                + (MirrorResource.deleting(resource) ? " (deleting)" : ""));
    }

    private static void say(String line) {
        OUT.println("[embedded] " + line);
    }

    private record Printer<T>(java.util.function.Consumer<T> print) implements Watcher<T> {
        @Override
        public void eventReceived(Action action, T resource) {
            if (action != Action.DELETED) {
                print.accept(resource);
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            say("Watch closed: " + cause.getMessage());
        }
    }
}
