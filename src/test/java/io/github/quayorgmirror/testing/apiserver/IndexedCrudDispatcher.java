package io.github.quayorgmirror.testing.apiserver;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * fabric8's CRUD mock, finding a named object through an index by name. The mock itself matches every stored
 * object (Events included) against the request for each GET, POST, PUT and PATCH of one object, so thousands of
 * mirrors made every request cost milliseconds and a benchmark run quadratic. The answers stay the mock's: the
 * objects of that name are matched against the request as the mock matches them, under the mock's own lock;
 * whenever the index cannot answer alone (no single name asked, several matches, an object it could not key),
 * the mock scans as before.
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private final Map<String, Set<AttributeSet>> keysByName = new ConcurrentHashMap<>();
    /** The mock's read lock: a GET must not see an object between its removal and its new version. */
    private final Lock readLock = mockLock(this).readLock();
    private volatile boolean complete = true;

    @Override
    public MockResponse handleGet(String path) {
        if (!path.contains("watch=")) {
            readLock.lock();
            try {
                List<Map.Entry<AttributeSet, String>> found = indexed(getKey(path));
                if (found != null && found.size() <= 1) {
                    // as the mock answers a named GET: the object, or 404 without a body
                    return found.isEmpty() ? new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
                            : new MockResponse().setBody(found.get(0).getValue()).setResponseCode(HttpURLConnection.HTTP_OK);
                }
            } finally {
                readLock.unlock();
            }
        }
        return super.handleGet(path);
    }

    /** Called by the mock's POST, PUT and PATCH handlers, under its write lock. */
    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        List<Map.Entry<AttributeSet, String>> found = indexed(attributes);
        if (found == null || found.size() > 1) {
            return super.findResource(attributes);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The mock's one way to store or remove an object (under its write lock): the index follows it. */
    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
            GenericKubernetesResource resource, String newState) {
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        String oldName = oldAttributes == null ? null : nameOf(oldAttributes);
        if (oldName != null) {
            keysByName.computeIfPresent(oldName, (name, keys) -> {
                keys.remove(oldAttributes);
                return keys.isEmpty() ? null : keys;
            });
        }
        if (newState != null) {
            remember(storedKey(pathAttributes, resource, newState));
        }
    }

    @Override
    public void reset() {
        super.reset();
        keysByName.clear();
        complete = true;
    }

    /** The stored objects the query names, matched as the mock matches; null when the index cannot tell. */
    private List<Map.Entry<AttributeSet, String>> indexed(AttributeSet query) {
        String name = nameOf(query);
        Attribute attribute = query.getAttribute(KubernetesAttributesExtractor.NAME);
        if (!complete || name == null || attribute.getType() != AttributeType.WITH) {
            return null;
        }
        List<Map.Entry<AttributeSet, String>> found = new ArrayList<>(1);
        for (AttributeSet key : keysByName.getOrDefault(name, Set.of())) {
            String stored = map.get(key);
            if (stored != null && key.matches(query)) {
                found.add(Map.entry(key, stored));
            }
        }
        return found;
    }

    /** The key the mock stored the new state under, computed as it computes it (KubernetesCrudDispatcher 7.5). */
    private AttributeSet storedKey(AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
        KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
        AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
        return key.containsKey(KubernetesAttributesExtractor.PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
    }

    private void remember(AttributeSet key) {
        String name = nameOf(key);
        if (name == null || !map.containsKey(key)) {
            // stored under a key this index did not compute: from now on every request scans, as the mock does
            complete = false;
            return;
        }
        keysByName.computeIfAbsent(name, ignored -> ConcurrentHashMap.newKeySet()).add(key);
    }

    private static String nameOf(AttributeSet attributes) {
        Attribute name = attributes.getAttribute(KubernetesAttributesExtractor.NAME);
        return name == null || name.getValues().size() != 1 ? null : name.getValues().get(0).toString();
    }

    private static ReadWriteLock mockLock(KubernetesCrudDispatcher dispatcher) {
        try {
            java.lang.reflect.Field field = KubernetesCrudDispatcher.class.getDeclaredField("lock");
            field.setAccessible(true);
            return (ReadWriteLock) field.get(dispatcher);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fabric8's mock changed: no lock to read its store under", e);
        }
    }
}
