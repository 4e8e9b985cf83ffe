package io.github.quayorgmirror.embedded;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.github.quayorgmirror.fakequay.RecordedCall;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.MirrorResource;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private EmbeddedMain() {
    }

    public static void main(String[] args) throws Exception {
        String port = System.getProperty("camel.management.port", "8080");
        ControllerHarness harness = ControllerHarness.startWithTokenSecret();
        say("Kubernetes API (mock) at " + harness.kube().url() + ", fake Quay at " + harness.quay().baseUri());
        say("Connection Secret " + ControllerHarness.NAMESPACE + "/" + ControllerHarness.SECRET
                + " created (host = the fake Quay, an org:admin token)");

        printChanges(harness);
        harness.startController(Map.of("camel.management.port", port, "orgmirror.watch.resync-period", "1m"));
        say("Controller started; health at http://127.0.0.1:" + port + "/observe/health, metrics at http://127.0.0.1:"
                + port + "/observe/metrics");

        for (Path sample : mirrorSamples()) {
            harness.kube().apply(sample, ControllerHarness.NAMESPACE);
            say("Applied " + sample);
        }

        CountDownLatch interrupted = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping");
            harness.close();
            interrupted.countDown();
        }));
        interrupted.await();
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
        OrganizationMirrorStatus status = MirrorResource.status(resource);
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
