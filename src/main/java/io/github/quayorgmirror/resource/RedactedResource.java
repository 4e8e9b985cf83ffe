package io.github.quayorgmirror.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The OrganizationMirror as the reconcile exchange carries it (property {@code organizationMirror}): the same
 * object, whose {@link #toString()} names it instead of printing its spec — the spec may hold
 * {@code externalRegistryPassword}, and exchange properties end up in traces, logs and exception messages.
 */
public final class RedactedResource extends GenericKubernetesResource {

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

    @Override
    public String toString() {
        return getKind() + "[" + (getMetadata() == null ? "?" : getMetadata().getNamespace() + "/"
                + getMetadata().getName() + ", generation=" + getMetadata().getGeneration() + ", resourceVersion="
                + getMetadata().getResourceVersion()) + "]";
    }
}
