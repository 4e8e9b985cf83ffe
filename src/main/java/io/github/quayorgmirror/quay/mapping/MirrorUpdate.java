package io.github.quayorgmirror.quay.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The minimal {@code PUT} for one reconcile.
 *
 * @param body                        only the keys whose value must change; a {@code null} value clears it in
 *                                    Quay, so the marshaller must keep nulls. Empty means "do not write".
 * @param registryTypeChangeRequested the spec asks for another {@code external_registry_type}; Quay ignores that
 *                                    key on update, so only delete and recreate can change it. Never in the body.
 * @param changedFields               the body's keys in order, for logs, Events and status (never values)
 */
public record MirrorUpdate(Map<String, Object> body, boolean registryTypeChangeRequested, List<String> changedFields) {

    public MirrorUpdate {
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        changedFields = List.copyOf(changedFields);
    }

    public boolean writeNeeded() {
        return !body.isEmpty();
    }

    /** Whether the update changes how Quay reaches the source registry: its URL, user name or password. */
    public boolean changesRegistryAccess() {
        return body.containsKey(QuayMirrorKeys.EXTERNAL_REGISTRY_URL)
                || body.containsKey(QuayMirrorKeys.EXTERNAL_REGISTRY_USERNAME)
                || body.containsKey(QuayMirrorKeys.EXTERNAL_REGISTRY_PASSWORD);
    }

    /** Field names only: the body may carry the external registry password. */
    @Override
    public String toString() {
        return "MirrorUpdate[changedFields=" + changedFields + ", registryTypeChangeRequested="
                + registryTypeChangeRequested + "]";
    }
}
