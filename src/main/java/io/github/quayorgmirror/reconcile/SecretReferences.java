package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.model.OrganizationMirrorSpec.ConnSecretRef;
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
        String namespace = secret.getMetadata().getNamespace();
        String name = secret.getMetadata().getName();
        return cache.list().stream().filter(mirror -> uses(mirror, namespace, name)).map(MirrorResource::key).toList();
    }

    static boolean uses(GenericKubernetesResource mirror, String secretNamespace, String secretName) {
        ConnSecretRef ref = MirrorResource.spec(mirror).connSecretRef();
        if (ref == null || !secretName.equals(ref.name())) {
            return false;
        }
        String refNamespace = ref.namespace() == null || ref.namespace().isBlank()
                ? mirror.getMetadata().getNamespace() : ref.namespace();
        return secretNamespace.equals(refNamespace);
    }
}
