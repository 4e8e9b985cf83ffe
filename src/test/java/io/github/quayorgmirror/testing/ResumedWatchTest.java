package io.github.quayorgmirror.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watch that ends and is opened again from the last resourceVersion seen (fabric8 informers do so every 5 to
 * 10 minutes) is told what was deleted meanwhile, as a real API server tells it; the mock alone replays what is
 * stored and loses the deletions, and a benchmark's informer waited forever for mirrors long gone.
 */
class ResumedWatchTest {

    private static final String NS = "team-a";
    private static final String MIRRORS = MockKubernetes.mirrorsPath(NS);

    private MockKubernetes kube;

    @BeforeEach
    void start() {
        kube = MockKubernetes.start();
    }

    @AfterEach
    void stop() {
        kube.close();
    }

    @Test
    void aResumedWatchSeesTheDeletionsMadeWhileItWasDown() {
        for (String name : List.of("m0", "m1", "m2")) {
            kube.createMirror(NS, name, Map.of());
            kube.mirrors().inNamespace(NS).withName(name).edit(mirror -> {
                mirror.getMetadata().setFinalizers(List.of("test.example/hold"));
                return mirror;
            });
        }
        try (SharedIndexInformer<GenericKubernetesResource> informer = kube.mirrors().inNamespace(NS).inform()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> informer.getStore().list().size() == 3);
            // as the benchmark deletes: a delete-collection marks them, then their finalizers are removed
            kube.mirrors().inNamespace(NS).delete();

            kube.refuse(MIRRORS, 500);
            kube.restart();
            for (String name : List.of("m0", "m1")) {
                kube.mirrors().inNamespace(NS).withName(name).edit(mirror -> {
                    mirror.getMetadata().setFinalizers(List.of());
                    return mirror;
                });
            }
            kube.allow(MIRRORS);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(informer.getStore().list())
                    .extracting(mirror -> mirror.getMetadata().getName()).containsExactly("m2"));
            assertThat(kube.journal(MIRRORS)).as("resumed by a watch, not a new list").containsOnlyOnce("list");
        }
    }

    @Test
    void aWatchFromAVersionSeesTheObjectsADeleteCollectionRemoved() throws Exception {
        kube.createMirror(NS, "m0", Map.of());
        kube.createMirror(NS, "m1", Map.of());
        String version = kube.mirrors().inNamespace(NS).list().getMetadata().getResourceVersion();
        kube.mirrors().inNamespace(NS).delete();

        HttpResponse<String> watch = get(MIRRORS.substring(1) + "?watch=true&resourceVersion=" + version);

        assertThat(watch.body().lines()).hasSize(2).allSatisfy(event -> assertThat(event).startsWith("{\"type\":\"DELETED\""));
    }

    @Test
    void aPathTheMockCannotReadIsNotFoundRatherThanEveryStoredObject() throws Exception {
        kube.createSecret(NS, "quay-credentials-secret", Map.of("token", "t"));
        // kube.url() ends with a slash: a double one, as a hand-written curl "$SERVER/api/..." sends
        HttpResponse<String> response = get("/api/v1/namespaces/" + NS + "/secrets/quay-credentials-secret");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("CustomResourceDefinition");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(kube.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
