package io.github.quayorgmirror.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watcher;
import io.github.quayorgmirror.reconcile.SecretReferences;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** Events, filters, cache and health check of kubernetes-informer against the mock API server (CRUD mode). */
class KubernetesInformerIT extends InformerRouteSupport {

    @Test
    void deliversEachKindOfChangeWithItsHeaders() throws Exception {
        EventLog log = route("mirrors", "kubernetes-informer:organizationmirrors?namespaces=events&resyncPeriod=0");
        long before = System.currentTimeMillis();

        kubernetes.createMirror("events", "m1", Map.of());
        await().until(() -> log.keysFor("events", "m1"), List.of("ADDED")::equals);
        kubernetes.mirrors().inNamespace("events").withName("m1").edit(mirror -> withSpec(mirror, "syncInterval", "8h"));
        await().until(() -> log.keysFor("events", "m1"), List.of("ADDED", "SPEC_CHANGED")::equals);
        GenericKubernetesResource stored = kubernetes.mirrors().inNamespace("events").withName("m1").get();
        stored.setAdditionalProperty("status", Map.of("observedGeneration", stored.getMetadata().getGeneration()));
        kubernetes.mirrors().inNamespace("events").resource(stored).updateStatus();
        await().until(() -> log.keysFor("events", "m1").size() == 3);
        kubernetes.mirrors().inNamespace("events").withName("m1").edit(mirror -> {
            mirror.getMetadata().setLabels(Map.of("team", "x"));
            return mirror;
        });
        await().until(() -> log.keysFor("events", "m1").size() == 4);
        kubernetes.mirrors().inNamespace("events").withName("m1").delete();

        await().untilAsserted(() -> assertThat(log.keysFor("events", "m1"))
                .containsExactly("ADDED", "SPEC_CHANGED", "STATUS_ONLY", "METADATA_CHANGED", "DELETED"));
        List<EventLog.Event> events = log.events();
        assertThat(events).extracting(EventLog.Event::action).containsExactly(Watcher.Action.ADDED,
                Watcher.Action.MODIFIED, Watcher.Action.MODIFIED, Watcher.Action.MODIFIED, Watcher.Action.DELETED);
        assertThat(events).allSatisfy(event -> assertThat(event.timestamp()).isBetween(before, System.currentTimeMillis()));
        assertThat(events.get(0).body().<String>get("spec", "organization")).isEqualTo("productionmirror");
        assertThat(events.get(1).body().<String>get("spec", "syncInterval")).isEqualTo("8h");
        assertThat(events.get(1).previous().<String>get("spec", "syncInterval")).as("the spec the change replaced")
                .isNotEqualTo("8h");
        assertThat(events.get(1).previous().getMetadata().getGeneration())
                .isLessThan(events.get(1).body().getMetadata().getGeneration());
        assertThat(List.of(events.get(0), events.get(2), events.get(3), events.get(4)))
                .as("only a spec change carries the previous object").allSatisfy(event -> assertThat(event.previous()).isNull());
    }

    @Test
    void aFinalizerAddedIsItsOwnChangeAndTheDeletionItHoldsAMetadataChange() throws Exception {
        EventLog log = route("finalized", "kubernetes-informer:organizationmirrors?namespaces=finalized&resyncPeriod=0");
        kubernetes.createMirror("finalized", "m", Map.of());
        // the informer's first list must see the object before the edit, or it sees only the edited one
        await().until(() -> log.keysFor("finalized", "m"), List.of("ADDED")::equals);
        kubernetes.mirrors().inNamespace("finalized").withName("m").edit(mirror -> {
            mirror.getMetadata().setFinalizers(List.of("quay.herve4m.github.io/finalizer"));
            return mirror;
        });
        await().until(() -> log.keysFor("finalized", "m"), List.of("ADDED", "FINALIZERS_ADDED")::equals);

        kubernetes.mirrors().inNamespace("finalized").withName("m").delete();
        await().until(() -> log.keysFor("finalized", "m").size() == 3);
        kubernetes.mirrors().inNamespace("finalized").withName("m").edit(mirror -> {
            mirror.getMetadata().setFinalizers(List.of());
            return mirror;
        });

        await().until(() -> log.keysFor("finalized", "m"),
                List.of("ADDED", "FINALIZERS_ADDED", "METADATA_CHANGED", "DELETED")::equals);
        assertThat(log.events().get(2).body().getMetadata().getDeletionTimestamp()).isNotBlank();
    }

    @Test
    void resyncsUnchangedResourcesPeriodically() throws Exception {
        kubernetes.createMirror("resync", "steady", Map.of());

        EventLog log = route("resync", "kubernetes-informer:organizationmirrors?namespaces=resync&resyncPeriod=1s");

        await().atMost(Duration.ofSeconds(20)).until(() -> log.count("resync/steady RESYNC") >= 2);
        assertThat(log.keysFor("resync", "steady")).startsWith("ADDED").containsOnly("ADDED", "RESYNC");
        assertThat(log.events()).filteredOn(event -> "RESYNC".equals(event.change()))
                .extracting(EventLog.Event::action).containsOnly(Watcher.Action.MODIFIED);
    }

    @Test
    void watchesAllNamespacesWithOneInformerWhenNoneAreGiven() throws Exception {
        EventLog log = route("everywhere", "kubernetes-informer:organizationmirrors?resyncPeriod=0");

        kubernetes.createMirror("all-a", "m", Map.of());
        kubernetes.createMirror("all-b", "m", Map.of());

        await().until(() -> log.keys().containsAll(List.of("all-a/m ADDED", "all-b/m ADDED")));
        assertThat(consumer("everywhere").getHealthCheck().call().getDetails()).containsEntry("informers", 1);
    }

    @Test
    void watchesOnlyTheListedNamespacesWithOneInformerEach() throws Exception {
        kubernetes.createMirror("list-c", "m", Map.of());
        EventLog log = route("listed", "kubernetes-informer:organizationmirrors?namespaces=list-a, list-b&resyncPeriod=0");

        kubernetes.createMirror("list-a", "m", Map.of());
        kubernetes.createMirror("list-b", "m", Map.of());

        await().until(() -> log.keys().containsAll(List.of("list-a/m ADDED", "list-b/m ADDED")));
        assertThat(log.events()).extracting(EventLog.Event::namespace).containsOnly("list-a", "list-b");
        assertThat(consumer("listed").getHealthCheck().call().getDetails()).containsEntry("informers", 2);
    }

    @Test
    void deliversOnlyResourcesMatchingTheLabelSelector() throws Exception {
        EventLog log = route("labelled", "kubernetes-informer:organizationmirrors?namespaces=labels"
                + "&labelSelector=team%3Dx&resyncPeriod=0");

        kubernetes.createMirror("labels", "other-team", Map.of("team", "y"));
        kubernetes.createMirror("labels", "no-team", Map.of());
        kubernetes.createMirror("labels", "our-team", Map.of("team", "x"));

        await().until(() -> log.keys().contains("labels/our-team ADDED"));
        assertThat(log.keys()).containsExactly("labels/our-team ADDED");
    }

    @Test
    void exposesACacheOfCopiesWithASecretIndex() throws Exception {
        kubernetes.createMirror("cache-a", "m1", Map.of());
        GenericKubernetesResource m2 = kubernetes.createMirror("cache-b", "m2", Map.of());
        kubernetes.mirrors().inNamespace("cache-b").withName("m2").edit(mirror -> withSpec(mirror, "connSecretRef",
                Map.of("name", "shared", "namespace", "cache-a")));
        context.getRegistry().bind("mirrorIndexers", SecretReferences.INDEXERS);
        route("cached", "kubernetes-informer:organizationmirrors?namespaces=cache-a,cache-b&cacheName=mirrorCache"
                + "&indexers=#mirrorIndexers");
        InformerCache cache = context.getRegistry().lookupByNameAndType("mirrorCache", InformerCache.class);

        await().until(cache::isSynced);
        cache.get("cache-a", "m1").orElseThrow().getMetadata().setName("changed-by-caller");

        assertThat(cache.get("cache-a", "m1")).get().extracting(r -> r.getMetadata().getName()).isEqualTo("m1");
        assertThat(cache.get("cache-a", "absent")).isEmpty();
        assertThat(cache.list()).extracting(r -> r.getMetadata().getName()).containsExactlyInAnyOrder("m1", "m2");
        assertThat(cache.byIndex(SecretReferences.BY_CONNECTION_SECRET, "cache-a/quay-credentials-secret"))
                .extracting(r -> r.getMetadata().getName()).containsExactly("m1");
        assertThat(cache.byIndex(SecretReferences.BY_CONNECTION_SECRET, "cache-a/shared")).extracting(r -> r.getMetadata().getUid())
                .containsExactly(m2.getMetadata().getUid());
        assertThat(cache.listMatching(r -> "cache-b".equals(r.getMetadata().getNamespace()))).hasSize(1);
        assertThat(cache.read(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName()))
                .containsExactlyInAnyOrder("cache-a/m1", "cache-b/m2");

        context.getRouteController().stopRoute("cached");
        assertThat(cache.isSynced()).isFalse();
        assertThat(cache.list()).isEmpty();
        assertThat(cache.read(r -> r)).isEmpty();
    }

    @Test
    void informsOnCoreSecretsToo() throws Exception {
        EventLog log = route("secrets", "kubernetes-informer:secrets?apiVersion=v1&kind=Secret&namespaces=secrets"
                + "&resyncPeriod=0&cacheName=secretCache");

        kubernetes.createSecret("secrets", "quay", Map.of("host", "https://quay.one"));
        await().until(() -> log.keysFor("secrets", "quay"), List.of("ADDED")::equals);
        kubernetes.createSecret("secrets", "quay", Map.of("host", "https://quay.two"));

        await().until(() -> log.keysFor("secrets", "quay"), List.of("ADDED", "SPEC_CHANGED")::equals);
        InformerCache secrets = context.getRegistry().lookupByNameAndType("secretCache", InformerCache.class);
        assertThat(secrets.get("secrets", "quay").orElseThrow().<String>get("data", "host"))
                .isEqualTo("aHR0cHM6Ly9xdWF5LnR3bw==");
    }

    @Test
    void worksFromAYamlRouteWithPlaceholdersLeftEmpty() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("watch.namespaces", "yaml");
        properties.setProperty("watch.label-selector", "");
        properties.setProperty("watch.resync-period", "10m");
        context.getPropertiesComponent().setInitialProperties(properties);
        MockEndpoint events = context.getEndpoint("mock:yaml-events", MockEndpoint.class);
        events.expectedMessageCount(1);
        events.expectedHeaderReceived(InformerHeaders.CHANGE, "ADDED");
        events.expectedHeaderReceived(InformerHeaders.NAME, "from-yaml");
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("informer.camel.yaml", """
                - route:
                    id: yaml-informer
                    from:
                      uri: kubernetes-informer:organizationmirrors
                      parameters:
                        namespaces: "{{watch.namespaces}}"
                        labelSelector: "{{watch.label-selector}}"
                        resyncPeriod: "{{watch.resync-period}}"
                        cacheName: yamlCache
                      steps:
                        - to: mock:yaml-events
                """));

        kubernetes.createMirror("yaml", "from-yaml", Map.of());

        events.assertIsSatisfied(10_000);
        KubernetesInformerEndpoint endpoint = (KubernetesInformerEndpoint) context.getRoute("yaml-informer").getEndpoint();
        assertThat(endpoint.settings().labelSelector()).isEmpty();
        assertThat(endpoint.settings().resyncMillis()).isEqualTo(600_000L);
    }

    @Test
    void registersAReadinessAndLivenessCheckWhileRunning() throws Exception {
        kubernetes.createMirror("health", "m", Map.of());
        route("health", "kubernetes-informer:organizationmirrors?namespaces=health");
        HealthCheck check = HealthCheckRegistry.get(context).getCheck("informer-organizationmirrors").orElseThrow();

        await().until(() -> health("informer-organizationmirrors") == HealthCheck.State.UP);
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).as("restarting the pod does not bring the API server back").isFalse();
        assertThat(consumer("health").isHealthy()).isTrue();

        context.getRouteController().stopRoute("health");
        assertThat(HealthCheckRegistry.get(context).getCheck("informer-organizationmirrors")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static GenericKubernetesResource withSpec(GenericKubernetesResource mirror, String field, Object value) {
        Map<String, Object> spec = new HashMap<>((Map<String, Object>) mirror.getAdditionalProperties().get("spec"));
        spec.put(field, value);
        mirror.setAdditionalProperty("spec", spec);
        return mirror;
    }
}
