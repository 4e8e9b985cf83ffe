package io.github.quayorgmirror.resource;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.quay.mapping.SpecReader;

/**
 * The OrganizationMirror as the reconcile exchange carries it (property {@code organizationMirror}): the same
 * object, whose {@link #toString()} names it instead of printing its spec — the spec may hold
 * {@code externalRegistryPassword}, and exchange properties end up in traces, logs and exception messages.
 */
public final class RedactedResource extends GenericKubernetesResource {

    /** The spec read once per pass: nearly every step asks for it, and each reading is a JSON conversion. */
    @JsonIgnore
    private SpecReader.Read readSpec;

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
     * The spec, read on first use. The pass's object is its own copy, which nobody changes in place (a write
     * changes a copy of it and the pass carries on with a new {@code RedactedResource} of the answer).
     */
    SpecReader.Read spec() {
        SpecReader.Read read = readSpec;
        if (read == null) {
            read = SpecReader.read(getAdditionalProperties().get("spec"));
            readSpec = read;
        }
        return read;
    }

    @Override
    public String toString() {
        return getKind() + "[" + (getMetadata() == null ? "?" : getMetadata().getNamespace() + "/"
                + getMetadata().getName() + ", generation=" + getMetadata().getGeneration() + ", resourceVersion="
                + getMetadata().getResourceVersion()) + "]";
    }
}
