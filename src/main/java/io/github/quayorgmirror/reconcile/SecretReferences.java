package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.informer.InformerHeaders;
import io.github.quayorgmirror.model.OrganizationMirrorSpec.ConnSecretRef;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.secret.ReferencedSecretCache;
import io.github.quayorgmirror.secret.SecretRef;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.camel.Exchange;

/**
 * Maps a change of a referenced Secret to the OrganizationMirrors that use it, as their connection or as their
 * source registry's credentials, so that a Secret created, rotated or restored is acted on at once (the Ansible
 * operator never watched Secrets), and tells the referenced-Secret cache which Secrets are still named.
 * The mirrors' informer indexes them by Secret ({@link #INDEXERS}, given to it in watch.camel.yaml).
 */
public class SecretReferences {

    public static final String BY_CONNECTION_SECRET = "connectionSecret";
    public static final String BY_REGISTRY_SECRET = "registrySecret";

    /** The indexes of the OrganizationMirror cache: {@code namespace/name} of each Secret a mirror reads. */
    public static final Map<String, Function<GenericKubernetesResource, List<String>>> INDEXERS = Map.of(
            BY_CONNECTION_SECRET, SecretReferences::connectionSecretKey,
            BY_REGISTRY_SECRET, SecretReferences::registrySecretKey);

    private final Supplier<InformerCache> mirrors;
    private final ReferencedSecretCache secrets;

    public SecretReferences(Supplier<InformerCache> mirrors, ReferencedSecretCache secrets) {
        this.mirrors = mirrors;
        this.secrets = secrets;
    }

    /**
     * After a mirror was deleted (body: its last state) or changed its spec (header
     * {@link InformerHeaders#PREVIOUS}: the spec before): forget, and stop watching, those of the Secrets it named
     * that no mirror names any more.
     */
    public void forgetUnreferenced(Exchange exchange) {
        GenericKubernetesResource previous = exchange.getIn().getHeader(InformerHeaders.PREVIOUS, GenericKubernetesResource.class);
        GenericKubernetesResource named = previous != null ? previous : exchange.getIn().getBody(GenericKubernetesResource.class);
        if (named != null) {
            secrets.forgetUnless(this::referenced, Stream.concat(connectionSecretKey(named).stream(),
                    registrySecretKey(named).stream()).map(SecretRef::parse).toList());
        }
    }

    /** The keys of the mirrors that use the Secret {@code namespace/name} in the body. */
    public List<String> mirrorsUsing(Exchange exchange) {
        String secret = exchange.getIn().getBody(String.class);
        return secret == null ? List.of() : mirrorsUsing(secret);
    }

    /** Keys of the mirrors that name the Secret {@code namespace/name}, as connection or registry Secret. */
    public List<String> mirrorsUsing(String secret) {
        InformerCache cache = mirrors.get();
        if (cache == null) {
            return List.of();
        }
        return userKeys(cache, secret).distinct().toList();
    }

    /** Whether some mirror still names this Secret; while the mirrors' cache is not there, every Secret counts. */
    public boolean referenced(SecretRef secret) {
        InformerCache cache = mirrors.get();
        return cache == null || userKeys(cache, secret.toString()).findAny().isPresent();
    }

    /** The index's own keys, no resource read: every pass and every deletion asks (see {@link KnownConnections}). */
    private static Stream<String> userKeys(InformerCache cache, String secret) {
        return Stream.of(BY_CONNECTION_SECRET, BY_REGISTRY_SECRET)
                .flatMap(index -> cache.keysByIndex(index, secret).stream());
    }

    /** Never fails: an index function that throws stops the informer's list, and with it every mirror. */
    static List<String> connectionSecretKey(GenericKubernetesResource mirror) {
        return secretKey(mirror, secretRef(mirror, "connSecretRef"));
    }

    static List<String> registrySecretKey(GenericKubernetesResource mirror) {
        return secretKey(mirror, secretRef(mirror, "externalRegistrySecretRef"));
    }

    /**
     * The reference read from the spec's map as {@link MirrorResource#spec} reads it (a scalar as its text; a
     * reference with an object or a list in it is unreadable, so none), without converting the whole spec: the
     * informer runs both index functions on the old and the new object of every event, and converting the spec
     * four times was nearly half of its thread's CPU per create.
     */
    private static ConnSecretRef secretRef(GenericKubernetesResource mirror, String field) {
        if (!(mirror.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)
                || !(spec.get(field) instanceof Map<?, ?> ref)) {
            return null;
        }
        Object name = ref.get("name");
        Object namespace = ref.get("namespace");
        if (!scalar(name) || !scalar(namespace)) {
            return null;
        }
        return new ConnSecretRef(name == null ? null : name.toString(), namespace == null ? null : namespace.toString());
    }

    private static boolean scalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static List<String> secretKey(GenericKubernetesResource mirror, ConnSecretRef ref) {
        if (ref == null || ref.name() == null || ref.name().isBlank()) {
            return List.of();
        }
        return List.of(ref.namespaceOr(mirror.getMetadata().getNamespace()) + "/" + ref.name());
    }
}
