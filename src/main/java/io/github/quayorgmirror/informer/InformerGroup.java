package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of one consumer: one per watched namespace, or one for all namespaces. Each lists,
 * then watches, lists again after a 410 Gone or a lost watch, resyncs periodically, and retries
 * through {@link RetryingExceptionHandler} while the API server is unreachable or refuses.
 */
final class InformerGroup {

    private static final Logger LOG = LoggerFactory.getLogger(InformerGroup.class);

    private final String name;
    private final List<SharedIndexInformer<GenericKubernetesResource>> informers;
    private final List<RetryingExceptionHandler> exceptionHandlers;

    private InformerGroup(String name, List<SharedIndexInformer<GenericKubernetesResource>> informers,
            List<RetryingExceptionHandler> exceptionHandlers) {
        this.name = name;
        this.informers = informers;
        this.exceptionHandlers = exceptionHandlers;
    }

    static InformerGroup create(KubernetesClient client, InformerSettings settings,
            ResourceEventHandler<GenericKubernetesResource> handler) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> resources =
                client.genericKubernetesResources(settings.resourceContext());
        List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
        List<RetryingExceptionHandler> handlers = new ArrayList<>();
        List<String> scopes = settings.namespaces().isEmpty() ? List.of("") : settings.namespaces();
        for (String namespace : scopes) {
            FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> scope =
                    namespace.isEmpty() ? resources.inAnyNamespace() : resources.inNamespace(namespace);
            if (!settings.labelSelector().isEmpty()) {
                scope = scope.withLabelSelector(settings.labelSelector());
            }
            RetryingExceptionHandler retrying = new RetryingExceptionHandler(settings.name(),
                    namespace.isEmpty() ? "*" : namespace);
            SharedIndexInformer<GenericKubernetesResource> informer = scope.runnableInformer(settings.resyncMillis());
            informer.exceptionHandler(retrying);
            informer.addIndexers(settings.indexers());
            informer.addEventHandler(handler);
            informers.add(informer);
            handlers.add(retrying);
        }
        return new InformerGroup(settings.name(), List.copyOf(informers), List.copyOf(handlers));
    }

    void start() {
        for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
            informer.start();
            informer.stopped().whenComplete((ignored, failure) -> {
                if (failure != null) {
                    LOG.error("Informer stopped on an error, no more events: informer={} error={}", name,
                            RetryingExceptionHandler.describe(failure));
                }
            });
        }
    }

    void stop() {
        informers.forEach(SharedIndexInformer::stop);
    }

    boolean hasSynced() {
        return informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    boolean isWatching() {
        return informers.stream().allMatch(SharedIndexInformer::isWatching);
    }

    boolean isHealthy() {
        return hasSynced() && isWatching();
    }

    int size() {
        return informers.size();
    }

    /** The last error of an informer that is retrying, if any. */
    Optional<String> lastError() {
        return exceptionHandlers.stream().map(RetryingExceptionHandler::lastError).filter(Objects::nonNull).findFirst();
    }

    Optional<GenericKubernetesResource> get(String namespace, String resourceName) {
        String key = Cache.namespaceKeyFunc(namespace, resourceName);
        return informers.stream().map(informer -> informer.getStore().getByKey(key)).filter(Objects::nonNull).findFirst();
    }

    Stream<GenericKubernetesResource> all() {
        return informers.stream().flatMap(informer -> informer.getStore().list().stream());
    }

    Stream<GenericKubernetesResource> byIndex(String indexName, String key) {
        return informers.stream().flatMap(informer -> informer.getIndexer().byIndex(indexName, key).stream());
    }

    /** The store's keys, {@code namespace/name} ({@link Cache#namespaceKeyFunc}). */
    List<String> keysByIndex(String indexName, String key) {
        if (informers.size() == 1) {
            return informers.get(0).getIndexer().indexKeys(indexName, key);
        }
        return informers.stream().flatMap(informer -> informer.getIndexer().indexKeys(indexName, key).stream()).toList();
    }
}
