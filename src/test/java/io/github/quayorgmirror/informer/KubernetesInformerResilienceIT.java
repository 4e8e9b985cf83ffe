package io.github.quayorgmirror.informer;

import static io.github.quayorgmirror.testing.MockKubernetes.mirrorsPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

/** Stop/start, a refused or unreachable API server, lost watches and 410 Gone, against the mock API server. */
class KubernetesInformerResilienceIT extends InformerRouteSupport {

    private static final String CHECK = "informer-organizationmirrors";
    private static final Duration RECOVERY = Duration.ofSeconds(40);

    @Test
    void stoppedRouteHoldsNoWatchAndRestartedRouteDeliversEachEventOnce() throws Exception {
        kubernetes.createMirror("restart", "m", Map.of());
        EventLog watched = route("watched", "kubernetes-informer:organizationmirrors?namespaces=restart&resyncPeriod=0");
        EventLog control = route("control", "kubernetes-informer:secrets?apiVersion=v1&kind=Secret&namespaces=restart"
                + "&resyncPeriod=0");
        await().until(() -> watched.keys(), List.of("restart/m ADDED")::equals);
        await().until(() -> kubernetes.openWatches(mirrorsPath("restart")) == 1);

        context.getRouteController().stopRoute("watched");
        await().until(() -> kubernetes.openWatches(mirrorsPath("restart")) == 0);
        relabel("stopped");
        kubernetes.createSecret("restart", "marker-1", Map.of("host", "h"));
        await().until(() -> control.keys().contains("restart/marker-1 ADDED"));
        assertThat(watched.keys()).containsExactly("restart/m ADDED");

        context.getRouteController().startRoute("watched");
        await().until(() -> watched.keys().size() == 2);
        relabel("restarted");
        await().until(() -> watched.keys().size() == 3);
        kubernetes.createSecret("restart", "marker-2", Map.of("host", "h"));
        await().until(() -> control.keys().contains("restart/marker-2 ADDED"));

        assertThat(watched.keys()).containsExactly("restart/m ADDED", "restart/m ADDED", "restart/m METADATA_CHANGED");
        assertThat(kubernetes.openWatches(mirrorsPath("restart"))).isEqualTo(1);
    }

    @Test
    void refusedListKeepsTheCheckDownAndIsRetriedUntilAllowed() throws Exception {
        kubernetes.createMirror("refused", "m", Map.of());
        kubernetes.refuse(mirrorsPath("refused"), 403);
        try {
            EventLog log = route("refused", "kubernetes-informer:organizationmirrors?namespaces=refused");

            await().until(() -> consumer("refused").getHealthCheck().call().getDetails().containsKey("lastError"));
            assertThat(health(CHECK)).isEqualTo(HealthCheck.State.DOWN);
            assertThat(context.getRouteController().getRouteStatus("refused")).isEqualTo(ServiceStatus.Started);
            assertThat((String) consumer("refused").getHealthCheck().call().getDetails().get("lastError"))
                    .contains("403");
            assertThat(log.keys()).isEmpty();

            kubernetes.allow(mirrorsPath("refused"));
            await().atMost(RECOVERY).until(() -> health(CHECK) == HealthCheck.State.UP);
            await().until(() -> log.keys(), List.of("refused/m ADDED")::equals);
        } finally {
            kubernetes.allow(mirrorsPath("refused"));
        }
    }

    @Test
    void unreachableApiServerAtStartIsRetriedUntilItAnswers() throws Exception {
        kubernetes.createMirror("unreachable", "m", Map.of());
        try (KubernetesClient impatientClient = impatientClient()) {
            context.getRegistry().bind("impatientClient", impatientClient);
            kubernetes.stop();
            EventLog log = startWhileUnreachable();
            await().atMost(RECOVERY).until(() -> health(CHECK) == HealthCheck.State.UP);
            assertThat(consumer("unreachable").isHealthy()).isTrue();
            await().until(() -> log.keys(), List.of("unreachable/m ADDED")::equals);
            context.getRouteController().stopRoute("unreachable");
        }
    }

    @Test
    void lostWatchIsResumedWithoutRedeliveryAndLaterChangesArrive() throws Exception {
        EventLog log = route("lost", "kubernetes-informer:organizationmirrors?namespaces=lost&resyncPeriod=0");
        kubernetes.createMirror("lost", "before", Map.of());
        await().until(() -> log.keys().contains("lost/before ADDED"));

        int requestsBefore = kubernetes.journal(mirrorsPath("lost")).size();

        kubernetes.restart();
        kubernetes.createMirror("lost", "after", Map.of());

        await().atMost(RECOVERY).until(() -> log.keys().contains("lost/after ADDED"));
        List<String> journal = kubernetes.journal(mirrorsPath("lost"));
        assertThat(journal.subList(requestsBefore, journal.size())).containsOnly("watch");
        assertThat(log.keys()).containsExactly("lost/before ADDED", "lost/after ADDED");
        await().until(() -> health(CHECK) == HealthCheck.State.UP);
    }

    @Test
    void expiredWatchWith410IsFollowedByAFreshListAndWatch() throws Exception {
        EventLog log = route("expired", "kubernetes-informer:organizationmirrors?namespaces=expired&resyncPeriod=0");
        kubernetes.createMirror("expired", "before", Map.of());
        await().until(() -> log.keys().contains("expired/before ADDED"));
        int requestsBefore = kubernetes.journal(mirrorsPath("expired")).size();

        kubernetes.expireNextWatch(mirrorsPath("expired"));
        kubernetes.restart();
        await().atMost(RECOVERY).until(() -> kubernetes.openWatches(mirrorsPath("expired")) == 1);
        kubernetes.createMirror("expired", "after", Map.of());

        await().atMost(RECOVERY).until(() -> log.keys().contains("expired/after ADDED"));
        List<String> journal = kubernetes.journal(mirrorsPath("expired"));
        assertThat(journal.subList(requestsBefore, journal.size())).containsSubsequence("watch-expired", "list", "watch");
        assertThat(log.keysFor("expired", "before")).doesNotContain("DELETED");
        await().until(() -> health(CHECK) == HealthCheck.State.UP);
    }

    private EventLog startWhileUnreachable() throws Exception {
        try {
            EventLog log = route("unreachable", "kubernetes-informer:organizationmirrors?namespaces=unreachable"
                    + "&kubernetesClient=#impatientClient");

            await().until(() -> consumer("unreachable").getHealthCheck().call().getDetails().containsKey("lastError"));
            assertThat(health(CHECK)).isEqualTo(HealthCheck.State.DOWN);
            assertThat(consumer("unreachable").isHealthy()).isFalse();
            return log;
        } finally {
            kubernetes.resume();
        }
    }

    /** fabric8 retries each request up to 10 times with backoff before the informer sees a failure: not here. */
    private static KubernetesClient impatientClient() {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(kubernetes.client().getConfiguration())
                .withRequestRetryBackoffLimit(0).build()).build();
    }

    private static void relabel(String value) {
        kubernetes.mirrors().inNamespace("restart").withName("m").edit(mirror -> {
            mirror.getMetadata().setLabels(Map.of("phase", value));
            return mirror;
        });
    }
}
