package io.github.quayorgmirror.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.quayorgmirror.quay.mapping.LastApplied;
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

    public Condition condition(String type) {
        return conditions == null ? null
                : conditions.stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
    }

    public boolean existsInQuay() {
        return Boolean.TRUE.equals(existInQuay);
    }
}
