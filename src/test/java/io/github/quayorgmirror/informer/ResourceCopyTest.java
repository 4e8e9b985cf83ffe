package io.github.quayorgmirror.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceCopyTest {

    private static final String MIRROR = """
            {"apiVersion":"quay.herve4m.github.io/v1alpha1","kind":"OrganizationMirror",
             "metadata":{"name":"m","namespace":"a","generation":3,"resourceVersion":"17","uid":"u-1",
              "finalizers":["quay.herve4m.github.io/finalizer"],"labels":{"team":"x"},
              "annotations":{"note":"n"},"ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"o",
              "uid":"u-2"}],"managedFields":[{"manager":"kubectl","operation":"Update",
              "fieldsV1":{"f:spec":{"f:syncInterval":{}}}}]},
             "spec":{"externalReference":"quay.io/x","syncInterval":3600,"isEnabled":true,"ratio":0.5,
              "rootRule":{"ruleKind":"tag_glob_csv","ruleValue":["v*","latest"]},"nothing":null},
             "status":{"conditions":[{"type":"Ready","status":"True"}]}}""";

    @Test
    void theCopyEqualsWhatJsonWouldHaveMade() {
        GenericKubernetesResource original = Serialization.unmarshal(MIRROR, GenericKubernetesResource.class);

        GenericKubernetesResource copy = ResourceCopy.of(original);

        assertThat(copy).isEqualTo(Serialization.unmarshal(MIRROR, GenericKubernetesResource.class));
        assertThat(Serialization.asJson(copy)).isEqualTo(Serialization.asJson(original));
    }

    @Test
    void absentFieldsStayAbsent() {
        String minimal = """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"a"},"data":{"token":"dA=="}}""";
        GenericKubernetesResource original = Serialization.unmarshal(minimal, GenericKubernetesResource.class);

        GenericKubernetesResource copy = ResourceCopy.of(original);

        assertThat(copy).isEqualTo(original);
        assertThat(copy.getMetadata().getFinalizers()).isEqualTo(original.getMetadata().getFinalizers());
        assertThat(copy.getMetadata().getLabels()).isEqualTo(original.getMetadata().getLabels());
        assertThat(Serialization.asJson(copy)).isEqualTo(Serialization.asJson(original));
    }

    @Test
    @SuppressWarnings("unchecked")
    void changingTheCopyLeavesTheOriginalAlone() {
        GenericKubernetesResource original = Serialization.unmarshal(MIRROR, GenericKubernetesResource.class);
        String before = Serialization.asJson(original);

        GenericKubernetesResource copy = ResourceCopy.of(original);
        copy.getMetadata().getFinalizers().clear();
        copy.getMetadata().getLabels().put("team", "y");
        copy.getMetadata().getAnnotations().clear();
        copy.getMetadata().getOwnerReferences().get(0).setName("p");
        copy.getMetadata().setResourceVersion("18");
        Map<String, Object> spec = (Map<String, Object>) copy.getAdditionalProperties().get("spec");
        spec.put("syncInterval", 60);
        ((List<Object>) ((Map<String, Object>) spec.get("rootRule")).get("ruleValue")).add("new");
        ((List<Object>) ((Map<String, Object>) copy.getAdditionalProperties().get("status")).get("conditions"))
                .clear();
        copy.getAdditionalProperties().put("status", Map.of());

        assertThat(Serialization.asJson(original)).isEqualTo(before);
    }

    @Test
    void valuesOutsideJsonsTreeAreCopiedThroughJson() {
        GenericKubernetesResource original = Serialization.unmarshal(MIRROR, GenericKubernetesResource.class);
        original.getAdditionalProperties().put("typed", new Typed("v"));

        assertThat(ResourceCopy.of(original).getAdditionalProperties().get("typed")).isEqualTo(Map.of("value", "v"));
    }

    record Typed(String value) {
    }
}
