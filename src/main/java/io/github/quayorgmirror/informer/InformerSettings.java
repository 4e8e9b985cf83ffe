package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one endpoint informs on, resolved from its URI.
 *
 * @param name            the URI path (the resource's plural); names the health check and logs
 * @param namespaces      watched namespaces, empty for all namespaces
 * @param labelSelector   Kubernetes label selector, empty for none
 * @param resyncMillis    period of the informer's resync, 0 for none
 * @param indexers        index functions of the cache, by index name
 */
record InformerSettings(String name, ResourceDefinitionContext resourceContext, List<String> namespaces,
        String labelSelector, long resyncMillis,
        Map<String, Function<GenericKubernetesResource, List<String>>> indexers) {

    /** Group, version and kind from {@code apiVersion} ({@code group/version}, or {@code v1} for the core group). */
    static ResourceDefinitionContext resourceContext(String apiVersion, String kind, String plural) {
        int slash = apiVersion.indexOf('/');
        return new ResourceDefinitionContext.Builder()
                .withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
                .withVersion(apiVersion.substring(slash + 1))
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }
}
