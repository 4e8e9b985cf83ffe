package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** {@link InformerCache} over the informers of the running consumer; hands out copies so callers cannot corrupt the stores. */
final class InformerStoreCache implements InformerCache {

    private volatile InformerGroup group;

    void use(InformerGroup informers) {
        this.group = informers;
    }

    /** Forgets the informers, but only if they are still the current ones. */
    void release(InformerGroup informers) {
        if (group == informers) {
            group = null;
        }
    }

    @Override
    public boolean isSynced() {
        InformerGroup current = group;
        return current != null && current.hasSynced();
    }

    @Override
    public Optional<GenericKubernetesResource> get(String namespace, String name) {
        InformerGroup current = group;
        return current == null ? Optional.empty() : current.get(namespace, name).map(this::copy);
    }

    @Override
    public <T> Optional<T> read(String namespace, String name, Function<GenericKubernetesResource, T> reader) {
        InformerGroup current = group;
        return current == null ? Optional.empty() : current.get(namespace, name).map(reader);
    }

    @Override
    public List<GenericKubernetesResource> list() {
        return copies(all());
    }

    @Override
    public List<GenericKubernetesResource> listMatching(Predicate<GenericKubernetesResource> filter) {
        return copies(all().filter(filter));
    }

    @Override
    public <T> List<T> read(Function<GenericKubernetesResource, T> reader) {
        return all().map(reader).toList();
    }

    @Override
    public List<GenericKubernetesResource> byIndex(String indexName, String key) {
        InformerGroup current = group;
        return current == null ? List.of() : copies(current.byIndex(indexName, key));
    }

    @Override
    public List<String> keysByIndex(String indexName, String key) {
        InformerGroup current = group;
        return current == null ? List.of() : current.keysByIndex(indexName, key);
    }

    GenericKubernetesResource copy(GenericKubernetesResource resource) {
        return ResourceCopy.of(resource);
    }

    private Stream<GenericKubernetesResource> all() {
        InformerGroup current = group;
        return current == null ? Stream.empty() : current.all();
    }

    private List<GenericKubernetesResource> copies(Stream<GenericKubernetesResource> resources) {
        return resources.map(this::copy).toList();
    }
}
