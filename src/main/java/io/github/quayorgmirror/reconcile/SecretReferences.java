package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.status.MirrorResource;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * Maps a Secret event to the OrganizationMirrors that use it as their connection, so that a Secret
 * created, rotated or restored is acted on at once (the Ansible operator never watched Secrets).
 */
public class SecretReferences {

    private final Supplier<InformerCache> mirrors;

    public SecretReferences(Supplier<InformerCache> mirrors) {
        this.mirrors = mirrors;
    }

    public List<String> mirrorsUsing(Exchange exchange) {
        GenericKubernetesResource secret = exchange.getIn().getBody(GenericKubernetesResource.class);
        InformerCache cache = mirrors.get();
        if (secret == null || cache == null) {
            return List.of();
        }
        return cache.referencingSecret(secret.getMetadata().getNamespace(), secret.getMetadata().getName()).stream()
                .map(MirrorResource::key).toList();
    }
}
