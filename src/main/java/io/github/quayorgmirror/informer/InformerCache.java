package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Read-only view of what a {@code kubernetes-informer:} consumer has seen, bound in the Camel
 * registry under the endpoint's {@code cacheName}. Objects handed out are copies: changing them
 * does not change the cache. Empty (and not synced) while the consumer is stopped.
 */
public interface InformerCache {

    /** Whether every informer behind the view has completed its first list: before that, "absent" means "not known yet". */
    boolean isSynced();

    Optional<GenericKubernetesResource> get(String namespace, String name);

    /** What {@code reader} takes from one cached object, read in place as by {@link #read}: no copy. */
    <T> Optional<T> read(String namespace, String name, Function<GenericKubernetesResource, T> reader);

    List<GenericKubernetesResource> list();

    List<GenericKubernetesResource> listMatching(Predicate<GenericKubernetesResource> filter);

    /**
     * What {@code reader} takes from each cached object, read in place: no copy, so it is cheap enough for
     * every metrics scrape. The reader must not change the object nor keep a reference to it.
     */
    <T> List<T> read(Function<GenericKubernetesResource, T> reader);

    /** Resources whose index function gave {@code key} for the index {@code indexName}. */
    List<GenericKubernetesResource> byIndex(String indexName, String key);

    /**
     * The keys ({@code namespace/name}) of the resources of {@link #byIndex}, the informer's own: no resource is
     * read nor copied, so it is cheap enough for every reconcile pass.
     */
    List<String> keysByIndex(String indexName, String key);

}
