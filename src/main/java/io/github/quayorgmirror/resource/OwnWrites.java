package io.github.quayorgmirror.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.resource.MirrorResource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-own-writes over the informer cache. The watch event of our own status or finalizer write
 * can arrive after the next pass of the same resource has started; that pass would otherwise decide
 * on the object as it was before the write (a second sync-now for one generation, a Warning Event
 * repeated, a password sent again).
 *
 * <p>Each write records the object the API server returned and every resourceVersion it replaced.
 * While the cache still shows one of those versions, the written object is the freshest one known.
 * Versions are only compared for equality: Kubernetes says they are opaque, so "newer" is never
 * computed. Safe without locking per resource because the work queue never runs two passes of one
 * key at once.
 */
public class OwnWrites {

    private record Written(GenericKubernetesResource object, Set<String> replacedVersions) {
    }

    private final Map<String, Written> byKey = new ConcurrentHashMap<>();

    /** Records that our write turned {@code replaced} (one or more versions of the object) into {@code written}. */
    public void wrote(GenericKubernetesResource written, GenericKubernetesResource... replaced) {
        if (written == null) {
            return;
        }
        byKey.compute(MirrorResource.key(written), (key, earlier) -> {
            Set<String> versions = new HashSet<>();
            if (earlier != null) {
                versions.addAll(earlier.replacedVersions());
                versions.add(resourceVersion(earlier.object()));
            }
            for (GenericKubernetesResource object : replaced) {
                versions.add(resourceVersion(object));
            }
            versions.remove(resourceVersion(written));
            versions.remove(null);
            return new Written(MirrorResource.copy(written), Set.copyOf(versions));
        });
    }

    /**
     * The object a pass should work on: {@code cached}, unless it is a version one of our writes
     * already replaced. A cache that shows anything else has caught up (or moved past us): the record
     * is dropped.
     */
    public GenericKubernetesResource freshest(String key, GenericKubernetesResource cached) {
        Written written = byKey.get(key);
        if (written == null) {
            return cached;
        }
        if (cached != null && written.replacedVersions().contains(resourceVersion(cached))) {
            return MirrorResource.copy(written.object());
        }
        byKey.remove(key);
        return cached;
    }

    /**
     * The informer delivered this state of a resource. Once it is none of the versions our write replaced, the
     * cache has caught up and the record (a whole copy of the resource) goes: without this, every written resource
     * that is not reconciled again would keep its copy, doubling the memory held per mirror.
     */
    public void cacheShows(GenericKubernetesResource cached) {
        if (cached == null || cached.getMetadata() == null) {
            return;
        }
        byKey.computeIfPresent(MirrorResource.key(cached),
                (key, written) -> written.replacedVersions().contains(resourceVersion(cached)) ? written : null);
    }

    /** How many resources are ahead of the cache right now (for tests and diagnostics). */
    public int size() {
        return byKey.size();
    }

    private static String resourceVersion(GenericKubernetesResource object) {
        return object.getMetadata().getResourceVersion();
    }
}
