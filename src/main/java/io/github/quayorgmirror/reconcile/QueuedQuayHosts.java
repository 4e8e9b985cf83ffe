package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.quay.ConnectionSecretException;
import io.github.quayorgmirror.quay.ConnectionSecretParser;
import io.github.quayorgmirror.quay.QuayHostShare;
import io.github.quayorgmirror.queue.KeyedWorkQueue;
import io.github.quayorgmirror.secret.ReferencedSecretCache;
import io.github.quayorgmirror.secret.SecretRef;
import io.github.quayorgmirror.secret.SecretSnapshot;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which Quay host the work at the head of the queue is for, from caches only (the mirrors' informer cache, then
 * {@code spec.connSecretRef}, then the referenced-Secret cache; never an API call), so that {@link QuayHostShare}
 * lends idle workers to a host only while nobody else waits. Looks at the next {@value #LOOK_AHEAD} ready keys only:
 * they are the ones the next free workers take, and the cost stays the same at 10,000 queued keys. A key whose host
 * is not known (resource or Secret not cached, Secret not valid) counts as another host's.
 */
public class QueuedQuayHosts implements QuayHostShare.WaitingWork {

    static final int LOOK_AHEAD = 16;

    private record KnownHost(String secretVersion, String host) {
    }

    private final Supplier<KeyedWorkQueue> queue;
    private final Supplier<InformerCache> mirrors;
    private final ReferencedSecretCache secrets;
    /** The host each connection Secret's version names: parsed once per version, not once per look. */
    private final Map<SecretRef, KnownHost> hosts = new ConcurrentHashMap<>();

    public QueuedQuayHosts(Supplier<KeyedWorkQueue> queue, Supplier<InformerCache> mirrors, ReferencedSecretCache secrets) {
        this.queue = queue;
        this.mirrors = mirrors;
        this.secrets = secrets;
    }

    @Override
    public boolean waitingBesides(String host) {
        KeyedWorkQueue work = queue.get();
        return work == null || work.nextReady(LOOK_AHEAD).stream().anyMatch(key -> !host.equals(hostOf(key)));
    }

    /** The Quay host of the mirror {@code namespace/name}, or null when the caches do not tell. */
    String hostOf(String key) {
        InformerCache cache = mirrors.get();
        SecretRef ref = cache == null ? null : cache.read(namespace(key), key.substring(key.indexOf('/') + 1),
                QueuedQuayHosts::connectionSecret).orElse(null);
        SecretSnapshot secret = ref == null ? null : secrets.peek(ref);
        if (secret == null || !secret.exists()) {
            return null;
        }
        KnownHost known = hosts.get(ref);
        if (known == null || !Objects.equals(known.secretVersion(), secret.resourceVersion())) {
            if (hosts.size() > secrets.size() + LOOK_AHEAD) {
                hosts.clear(); // Secrets forgotten by the cache
            }
            known = new KnownHost(secret.resourceVersion(), parsedHost(ref, secret));
            hosts.put(ref, known);
        }
        return known.host();
    }

    private static String namespace(String key) {
        return key.substring(0, Math.max(key.indexOf('/'), 0));
    }

    private static String parsedHost(SecretRef ref, SecretSnapshot secret) {
        try {
            return QuayHostShare.hostOf(ConnectionSecretParser.parse(ref.toString(), secret.data()));
        } catch (ConnectionSecretException e) {
            return null;
        }
    }

    /** {@code spec.connSecretRef} read in place from the cached object (no copy, no conversion of the spec). */
    private static SecretRef connectionSecret(GenericKubernetesResource mirror) {
        if (!(mirror.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)
                || !(spec.get("connSecretRef") instanceof Map<?, ?> ref)
                || !(ref.get("name") instanceof String name) || name.isBlank()) {
            return null;
        }
        String namespace = ref.get("namespace") instanceof String given && !given.isBlank() ? given
                : mirror.getMetadata().getNamespace();
        return new SecretRef(namespace, name);
    }
}
