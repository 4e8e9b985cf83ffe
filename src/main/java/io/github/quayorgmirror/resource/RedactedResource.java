package io.github.quayorgmirror.resource;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The OrganizationMirror as the reconcile exchange carries it (property {@code organizationMirror}): the same
 * object, whose {@link #toString()} names it instead of printing its spec — the spec may hold
 * {@code externalRegistryPassword}, and exchange properties end up in traces, logs and exception messages.
 */
public final class RedactedResource extends GenericKubernetesResource {

    /**
     * What the pass read from the object (its spec, its status), read once: several steps ask for each, and each
     * reading is a JSON conversion.
     */
    @JsonIgnore
    private final Map<Class<?>, Object> readings = new ConcurrentHashMap<>(4);

    private RedactedResource() {
    }

    public static GenericKubernetesResource of(GenericKubernetesResource resource) {
        if (resource == null || resource instanceof RedactedResource) {
            return resource;
        }
        RedactedResource redacted = new RedactedResource();
        redacted.setApiVersion(resource.getApiVersion());
        redacted.setKind(resource.getKind());
        redacted.setMetadata(resource.getMetadata());
        redacted.setAdditionalProperties(resource.getAdditionalProperties());
        return redacted;
    }

    /**
     * What {@code reader} makes of this object, read on first use. The pass's object is its own copy, which nobody
     * changes in place (a write changes a copy of it and the pass carries on with a new {@code RedactedResource}
     * of the answer); what is read must be immutable too.
     */
    public <T> T reading(Class<T> type, Function<GenericKubernetesResource, T> reader) {
        return type.cast(readings.computeIfAbsent(type, unused -> reader.apply(this)));
    }

    @Override
    public String toString() {
        return getKind() + "[" + (getMetadata() == null ? "?" : getMetadata().getNamespace() + "/"
                + getMetadata().getName() + ", generation=" + getMetadata().getGeneration() + ", resourceVersion="
                + getMetadata().getResourceVersion()) + "]";
    }
}
