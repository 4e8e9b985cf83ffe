package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The index functions every informer of this component gets. */
final class InformerIndexes {

    private InformerIndexes() {
    }

    static Map<String, Function<GenericKubernetesResource, List<String>>> defaults() {
        return Map.of(InformerCache.CONN_SECRET_REF_INDEX, InformerIndexes::connSecretRef);
    }

    /** {@code namespace/name} of spec.connSecretRef; the namespace defaults to the resource's own. */
    static List<String> connSecretRef(GenericKubernetesResource resource) {
        if (!(resource.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)
                || !(spec.get("connSecretRef") instanceof Map<?, ?> ref)
                || !(ref.get("name") instanceof String name) || name.isBlank()) {
            return List.of();
        }
        Object namespace = ref.get("namespace");
        String secretNamespace = namespace instanceof String ns && !ns.isBlank()
                ? ns : resource.getMetadata().getNamespace();
        return List.of(secretNamespace + "/" + name);
    }
}
