package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.model.OrganizationMirrorSpec.ConnSecretRef;
import io.github.quayorgmirror.status.MirrorResource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * Maps a Secret event to the OrganizationMirrors that use it as their connection, so that a Secret
 * created, rotated or restored is acted on at once (the Ansible operator never watched Secrets).
 * The mirrors' informer indexes them by Secret ({@link #INDEXERS}, given to it in watch.camel.yaml).
 */
public class SecretReferences {

    public static final String BY_CONNECTION_SECRET = "connectionSecret";

    /** The index of the OrganizationMirror cache: {@code namespace/name} of the connection Secret. */
    public static final Map<String, Function<GenericKubernetesResource, List<String>>> INDEXERS = Map.of(
            BY_CONNECTION_SECRET, SecretReferences::connectionSecretKey);

    private final Supplier<InformerCache> mirrors;

    public SecretReferences(Supplier<InformerCache> mirrors) {
        this.mirrors = mirrors;
    }

    public List<String> mirrorsUsing(Exchange exchange) {
        GenericKubernetesResource secret = exchange.getIn().getBody(GenericKubernetesResource.class);
        return secret == null ? List.of() : mirrorsUsing(MirrorResource.key(secret));
    }

    /** Keys of the mirrors whose connection is the Secret {@code namespace/name}. */
    public List<String> mirrorsUsing(String secretKey) {
        InformerCache cache = mirrors.get();
        if (cache == null) {
            return List.of();
        }
        return cache.byIndex(BY_CONNECTION_SECRET, secretKey).stream().map(MirrorResource::key).toList();
    }

    /** Never fails: an index function that throws stops the informer's list, and with it every mirror. */
    static List<String> connectionSecretKey(GenericKubernetesResource mirror) {
        ConnSecretRef ref = MirrorResource.spec(mirror).connSecretRef();
        if (ref == null || ref.name() == null || ref.name().isBlank()) {
            return List.of();
        }
        return List.of(ref.namespaceOr(mirror.getMetadata().getNamespace()) + "/" + ref.name());
    }
}
