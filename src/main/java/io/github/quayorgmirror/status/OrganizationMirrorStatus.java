package io.github.quayorgmirror.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.quay.mapping.LastApplied;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.resource.RedactedResource;
import java.util.List;

/**
 * {@code status} of an OrganizationMirror. {@code existInQuay} and {@code message} are written as the
 * Ansible operator wrote them, so that tools reading them keep working; {@code message} is derived from
 * the Ready condition, never set on its own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationMirrorStatus(
        List<Condition> conditions,
        Long observedGeneration,
        Boolean existInQuay,
        String message,
        QuayView quay,
        LastApplied lastApplied,
        Long lastForcedSyncGeneration,
        String lastHandledSyncRequest,
        String lastHandledSyncCancelRequest) {

    public static final OrganizationMirrorStatus EMPTY = new OrganizationMirrorStatus(List.of(), null, null, null, null,
            null, null, null, null);

    /** The status of an OrganizationMirror as last written, or {@link #EMPTY}. */
    /** Read once per pass (see {@link RedactedResource#reading}): most steps look at the status. */
    public static OrganizationMirrorStatus of(GenericKubernetesResource resource) {
        return resource instanceof RedactedResource pass ? pass.reading(OrganizationMirrorStatus.class, OrganizationMirrorStatus::read)
                : read(resource);
    }

    private static OrganizationMirrorStatus read(GenericKubernetesResource resource) {
        Object status = resource.getAdditionalProperties().get("status");
        return status == null ? EMPTY : MirrorResource.convert(status, OrganizationMirrorStatus.class);
    }

    public Condition condition(String type) {
        return conditions == null ? null
                : conditions.stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
    }

    public boolean existsInQuay() {
        return Boolean.TRUE.equals(existInQuay);
    }
}
