package io.github.quayorgmirror.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tests' API server refuses and stores as a real one does, so no test passes on a quirk of the CRUD mock. */
class StrictApiServerTest {

    private static final String NS = "team-a";

    private MockKubernetes kube;

    @BeforeEach
    void start() {
        kube = MockKubernetes.start();
        kube.createMirror(NS, "m", Map.of());
    }

    @AfterEach
    void stop() {
        kube.close();
    }

    @Test
    void refusesAnInvalidSpecWithAStatusNamingTheField() {
        assertThatThrownBy(() -> mirror().edit(resource -> withSpec(resource, "visibility", "secret")))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
                    assertThat(e.getStatus().getDetails().getCauses()).singleElement()
                            .satisfies(cause -> assertThat(cause.getField()).isEqualTo("spec.visibility"));
                    assertThat(e.getStatus().getMessage()).contains("spec.visibility: Unsupported value: \"secret\"");
                });
        assertThat(spec(mirror().get()).get("visibility")).isEqualTo("public");
    }

    @Test
    void refusesAStaleWriteOnStatusWith409() {
        GenericKubernetesResource stale = mirror().get();
        mirror().editStatus(resource -> withStatus(resource, "fresh"));

        stale.setAdditionalProperty("status", Map.of("message", "stale"));
        assertThatThrownBy(() -> kube.mirrors().inNamespace(NS).resource(stale).updateStatus())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(mirror().get().getAdditionalProperties().get("status")).isEqualTo(Map.of("message", "fresh"));
    }

    @Test
    void aStatusWriteKeepsTheSpecAndAMainWriteKeepsTheStatus() {
        mirror().editStatus(resource -> withSpec(withStatus(resource, "from status"), "visibility", "private"));
        mirror().edit(resource -> withSpec(withStatus(resource, "from main"), "visibility", "private"));

        GenericKubernetesResource stored = mirror().get();
        assertThat(stored.getAdditionalProperties().get("status")).isEqualTo(Map.of("message", "from status"));
        assertThat(spec(stored).get("visibility")).isEqualTo("private");
    }

    @Test
    void bumpsTheGenerationOnlyOnASpecChange() {
        long created = mirror().get().getMetadata().getGeneration();
        mirror().editStatus(resource -> withStatus(resource, "status only"));
        mirror().edit(resource -> {
            resource.getMetadata().setLabels(Map.of("team", "a"));
            return resource;
        });
        assertThat(mirror().get().getMetadata().getGeneration()).isEqualTo(created);

        mirror().edit(resource -> withSpec(resource, "visibility", "private"));
        assertThat(mirror().get().getMetadata().getGeneration()).isEqualTo(created + 1);
    }

    @Test
    void aMergePatchReplacesArraysAndAnswers200() throws Exception {
        mirror().edit(resource -> {
            resource.getMetadata().setFinalizers(List.of("a/one", "b/two"));
            return resource;
        });

        HttpResponse<String> response = send("PATCH", "application/merge-patch+json",
                "{\"metadata\":{\"finalizers\":[\"b/two\"]}}", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mirror().get().getMetadata().getFinalizers()).containsExactly("b/two");
    }

    @Test
    void appliesAJsonPatchAndRefusesOneWhoseTestFails() throws Exception {
        HttpResponse<String> applied = send("PATCH", "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/spec/visibility\",\"value\":\"private\"}]", "");
        HttpResponse<String> failedTest = send("PATCH", "application/json-patch+json",
                "[{\"op\":\"test\",\"path\":\"/spec/visibility\",\"value\":\"public\"},"
                        + "{\"op\":\"replace\",\"path\":\"/spec/visibility\",\"value\":\"public\"}]", "");

        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(failedTest.statusCode()).isEqualTo(422);
        assertThat(spec(mirror().get()).get("visibility")).isEqualTo("private");
    }

    @Test
    void refusesAnUpdateWithoutResourceVersion() throws Exception {
        GenericKubernetesResource current = mirror().get();
        current.getMetadata().setResourceVersion(null);

        HttpResponse<String> put = send("PUT", "application/json",
                kube.client().getKubernetesSerialization().asJson(current), "");

        assertThat(put.statusCode()).isEqualTo(422);
        assertThat(put.body()).contains("metadata.resourceVersion");
    }

    @Test
    void strictFieldValidationRefusesAnUnknownFieldWhichIsOtherwisePruned() throws Exception {
        String patch = "{\"spec\":{\"visibilty\":\"private\"}}";

        HttpResponse<String> strict = send("PATCH", "application/merge-patch+json", patch, "?fieldValidation=Strict");
        HttpResponse<String> lenient = send("PATCH", "application/merge-patch+json", patch, "");

        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(strict.body()).contains("unknown field \\\"spec.visibilty\\\"");
        assertThat(lenient.statusCode()).isEqualTo(200);
        assertThat(spec(mirror().get())).doesNotContainKey("visibilty");
    }

    private HttpResponse<String> send(String method, String contentType, String body, String query)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(kube.url().replaceFirst("/$", "")
                        + MockKubernetes.mirrorsPath(NS) + "/m" + query))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Resource<GenericKubernetesResource> mirror() {
        return kube.mirrors().inNamespace(NS).withName("m");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static GenericKubernetesResource withSpec(GenericKubernetesResource resource, String field, Object value) {
        spec(resource).put(field, value);
        return resource;
    }

    private static GenericKubernetesResource withStatus(GenericKubernetesResource resource, String message) {
        resource.setAdditionalProperty("status", new java.util.HashMap<>(Map.of("message", message)));
        return resource;
    }
}
