package io.github.quayorgmirror.informer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deep copy of a resource, so that the informer's cached object is never changed in place. Built by hand, not by
 * a JSON round trip: every pass copies its resource, and the round trip cost more than the rest of a pass's own
 * work. The metadata is copied by fabric8's builder (new lists and maps, new nested objects); the rest of the object
 * is JSON's tree of maps, lists and immutable scalars, copied node by node; any other value, which the informer's
 * deserializer never makes, is copied through JSON.
 */
public final class ResourceCopy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourceCopy() {
    }

    public static GenericKubernetesResource of(GenericKubernetesResource resource) {
        GenericKubernetesResource copy = new GenericKubernetesResource();
        copy.setApiVersion(resource.getApiVersion());
        copy.setKind(resource.getKind());
        if (resource.getMetadata() != null) {
            copy.setMetadata(new ObjectMetaBuilder(resource.getMetadata()).build());
        }
        copy.setAdditionalProperties(copyMap(resource.getAdditionalProperties()));
        return copy;
    }

    private static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        map.forEach((key, value) -> copy.put(String.valueOf(key), copyValue(value)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copyValue(item)));
            return copy;
        }
        return JSON.convertValue(value, Object.class);
    }
}
