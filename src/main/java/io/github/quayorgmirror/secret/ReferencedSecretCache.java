package io.github.quayorgmirror.secret;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the Secrets that resources reference are kept, as {@link SecretSnapshot}s: read with a
 * GET the first time a pass asks (a miss), then kept current by a watch of that one Secret
 * ({@code fieldSelector=metadata.name=...}, as the kubelet watches the Secrets its pods mount). Passes read
 * the snapshot from memory: no API call in steady state. Unreferenced Secrets are forgotten with their watch
 * ({@link #forgetUnless}), so memory follows the references, never the number of Secrets in the cluster.
 */
public class ReferencedSecretCache extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ReferencedSecretCache.class);

    private final KubernetesClient client;
    private final Set<String> keptKeys;
    private final Map<SecretRef, Entry> entries = new ConcurrentHashMap<>();
    private volatile Consumer<SecretRef> onChange = ref -> { };
    private volatile Consumer<SecretRef> onForget = ref -> { };
    private volatile Predicate<SecretRef> referenced = ref -> true;

    private static final class Entry {
        volatile SecretSnapshot snapshot;
        SharedIndexInformer<Secret> watch;
    }

    /** @param keptKeys the {@code data} keys some parser reads; the values of other keys are never kept */
    public ReferencedSecretCache(KubernetesClient client, Set<String> keptKeys) {
        this.client = client;
        this.keptKeys = Set.copyOf(keptKeys);
    }

    /** Called with the Secret when its watch shows a new version, its creation or its deletion. */
    public void onChange(Consumer<SecretRef> listener) {
        this.onChange = Objects.requireNonNull(listener);
    }

    /** Called with each Secret forgotten, after it is gone from the cache. */
    public void onForget(Consumer<SecretRef> listener) {
        this.onForget = Objects.requireNonNull(listener);
    }

    /**
     * Whether some resource still names a Secret: asked after each miss, so that a Secret read for a pass whose
     * resource meanwhile named another (and was let go by {@link #forgetUnless(Predicate, Collection)} already)
     * is not kept. Every Secret counts until this is set.
     */
    public void keepWhile(Predicate<SecretRef> referenced) {
        this.referenced = Objects.requireNonNull(referenced);
    }

    /**
     * The Secret as last seen ({@link SecretSnapshot#ABSENT} when it does not exist). A miss reads it from the
     * API server and starts its watch; an API failure (403, unreachable) is thrown and nothing is kept.
     */
    public SecretSnapshot read(SecretRef ref) {
        Entry entry = entries.computeIfAbsent(ref, key -> new Entry());
        SecretSnapshot known = entry.snapshot;
        if (known != null) {
            return known;
        }
        SecretSnapshot read = readAndWatch(ref, entry);
        if (!referenced.test(ref)) {
            forget(ref);
        }
        return read;
    }

    private SecretSnapshot readAndWatch(SecretRef ref, Entry entry) {
        synchronized (entry) {
            if (entry.snapshot == null) {
                Secret secret = client.secrets().inNamespace(ref.namespace()).withName(ref.name()).get();
                SecretSnapshot read = secret == null ? SecretSnapshot.ABSENT : SecretSnapshot.of(secret, keptKeys);
                if (entry.snapshot == null) {
                    // a watch event may have brought a newer version meanwhile
                    entry.snapshot = read;
                }
            }
            if (entry.watch == null && entries.get(ref) == entry) {
                entry.watch = watch(ref, entry);
            }
            return entry.snapshot;
        }
    }

    /** The Secret as last seen, or null when it was never read: never an API call. */
    public SecretSnapshot peek(SecretRef ref) {
        Entry entry = entries.get(ref);
        return entry == null ? null : entry.snapshot;
    }

    /** The Secrets held now, for those who must know which credentials are still in use. */
    public Map<SecretRef, SecretSnapshot> snapshots() {
        Map<SecretRef, SecretSnapshot> held = new java.util.HashMap<>();
        entries.forEach((ref, entry) -> {
            SecretSnapshot snapshot = entry.snapshot;
            if (snapshot != null) {
                held.put(ref, snapshot);
            }
        });
        return held;
    }

    public int size() {
        return entries.size();
    }

    /** Forgets, and stops watching, every Secret that no resource references any more. */
    public void forgetUnless(Predicate<SecretRef> referenced) {
        forgetUnless(referenced, List.of(entries.keySet().toArray(SecretRef[]::new)));
    }

    /**
     * Forgets, and stops watching, those of {@code candidates} that no resource references any more: after a
     * resource was deleted or changed, the Secrets it named, so the cost follows the change and not the Secrets
     * held. Every other Secret held was referenced when last asked, or was read since and asked then (a miss).
     */
    public void forgetUnless(Predicate<SecretRef> referenced, Collection<SecretRef> candidates) {
        candidates.stream().filter(ref -> entries.containsKey(ref) && !referenced.test(ref)).forEach(this::forget);
    }

    private void forget(SecretRef ref) {
        Entry entry = entries.remove(ref);
        if (entry != null) {
            synchronized (entry) {
                if (entry.watch != null) {
                    entry.watch.stop();
                }
            }
            LOG.debug("Forgot Secret {}: no resource references it", ref);
            onForget.accept(ref);
        }
    }

    private SharedIndexInformer<Secret> watch(SecretRef ref, Entry entry) {
        SharedIndexInformer<Secret> informer = client.secrets().inNamespace(ref.namespace()).withName(ref.name())
                .runnableInformer(0);
        // the informer's own store keeps name and resourceVersion only, not the values
        informer.itemStore(new ReducedStateItemStore<>(ReducedStateItemStore.NAME_KEY_STATE, Secret.class,
                client.getKubernetesSerialization()));
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Secret secret) {
                replace(ref, entry, SecretSnapshot.of(secret, keptKeys));
            }

            @Override
            public void onUpdate(Secret before, Secret secret) {
                replace(ref, entry, SecretSnapshot.of(secret, keptKeys));
            }

            @Override
            public void onDelete(Secret secret, boolean finalStateUnknown) {
                replace(ref, entry, SecretSnapshot.ABSENT);
            }
        });
        informer.start().whenComplete((started, failure) -> {
            if (failure != null) {
                // read again (and watch again) on the next pass that needs it
                LOG.warn("Cannot watch Secret {}: {}", ref, failure.getMessage());
                entries.remove(ref, entry);
                informer.stop();
            }
        });
        return informer;
    }

    private void replace(SecretRef ref, Entry entry, SecretSnapshot next) {
        if (entries.get(ref) != entry) {
            return;
        }
        SecretSnapshot previous = entry.snapshot;
        entry.snapshot = next;
        if (previous == null || previous.exists() != next.exists()
                || !Objects.equals(previous.resourceVersion(), next.resourceVersion())) {
            onChange.accept(ref);
        }
    }

    @Override
    protected void doStop() {
        forgetUnless(ref -> false);
    }
}
