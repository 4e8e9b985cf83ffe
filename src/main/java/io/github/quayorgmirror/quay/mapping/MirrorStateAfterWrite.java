package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.EXTERNAL_NAMESPACE;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.EXTERNAL_REGISTRY_CONFIG;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.EXTERNAL_REGISTRY_PASSWORD;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.EXTERNAL_REGISTRY_TYPE;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.EXTERNAL_REGISTRY_URL;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.EXTERNAL_REGISTRY_USERNAME;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.IS_ENABLED;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.REPOSITORY_FILTERS;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.ROBOT_USERNAME;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.SKOPEO_TIMEOUT;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.SYNC_INTERVAL;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.SYNC_START_DATE;
import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.VISIBILITY;

import io.github.quayorgmirror.model.QuayMirrorState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Quay holds after a write it accepted, derived from what was sent instead of read back with a GET: Quay's POST
 * and PUT answer with an empty body, but their effect is fully defined (docs/quay-api.md, "After a write"). The
 * password is never part of the result, only whether there is one; {@code creation_date} and
 * {@code sync_expiration_date} after a create are left unknown (null), as nothing shows them.
 */
public final class MirrorStateAfterWrite {

    /** A 201 create starts with {@code sync_status NEVER_RUN} and 3 retries. */
    static final String NEVER_RUN = "NEVER_RUN";
    static final int RETRIES_AT_START = 3;
    /** Every repository status Quay counts; {@code repo_sync_status_counts} always has all seven, zeros included. */
    static final List<String> REPOSITORY_STATUSES = List.of("CANCEL", "FAIL", "NEVER_RUN", "SUCCESS", "SYNCING",
            "SYNC_NOW", "SKIP");

    private MirrorStateAfterWrite() {
    }

    /** After a 201 to {@code createBody}: what was sent, Quay's defaults for what was not, and a sync never run. */
    public static QuayMirrorState afterCreate(Map<String, Object> createBody) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        REPOSITORY_STATUSES.forEach(status -> counts.put(status, 0));
        Object enabled = createBody.get(IS_ENABLED);
        Object skopeoTimeout = createBody.get(SKOPEO_TIMEOUT);
        return new QuayMirrorState(
                enabled == null || (Boolean) enabled,
                (String) createBody.get(EXTERNAL_REGISTRY_TYPE),
                (String) createBody.get(EXTERNAL_REGISTRY_URL),
                (String) createBody.get(EXTERNAL_NAMESPACE),
                blankToNull(createBody.get(EXTERNAL_REGISTRY_USERNAME)),
                blankToNull(createBody.get(EXTERNAL_REGISTRY_PASSWORD)) != null,
                registryConfig(createBody.get(EXTERNAL_REGISTRY_CONFIG)),
                filters(createBody.get(REPOSITORY_FILTERS)),
                (String) createBody.get(ROBOT_USERNAME),
                (String) createBody.get(VISIBILITY),
                ((Number) createBody.get(SYNC_INTERVAL)).longValue(),
                (String) createBody.get(SYNC_START_DATE),
                null,
                NEVER_RUN,
                RETRIES_AT_START,
                counts,
                skopeoTimeout == null ? 300 : ((Number) skopeoTimeout).intValue(),
                null);
    }

    /**
     * After a 200 to the partial update {@code sent}: {@code before} (Quay's GET at the start of the pass) with the sent
     * keys overlaid. {@code external_registry_type} is ignored by Quay on update; an empty user name or password
     * clears it.
     */
    public static QuayMirrorState afterUpdate(QuayMirrorState before, Map<String, Object> sent) {
        Objects.requireNonNull(before, "before");
        return new QuayMirrorState(
                sent.containsKey(IS_ENABLED) && sent.get(IS_ENABLED) != null ? (Boolean) sent.get(IS_ENABLED) : before.isEnabled(),
                before.externalRegistryType(),
                overlay(sent, EXTERNAL_REGISTRY_URL, before.externalRegistryUrl()),
                overlay(sent, EXTERNAL_NAMESPACE, before.externalNamespace()),
                sent.containsKey(EXTERNAL_REGISTRY_USERNAME) ? blankToNull(sent.get(EXTERNAL_REGISTRY_USERNAME))
                        : before.externalRegistryUsername(),
                sent.containsKey(EXTERNAL_REGISTRY_PASSWORD) ? blankToNull(sent.get(EXTERNAL_REGISTRY_PASSWORD)) != null
                        : before.hasExternalRegistryPassword(),
                sent.get(EXTERNAL_REGISTRY_CONFIG) != null ? registryConfig(sent.get(EXTERNAL_REGISTRY_CONFIG))
                        : before.externalRegistryConfig(),
                sent.get(REPOSITORY_FILTERS) != null ? filters(sent.get(REPOSITORY_FILTERS)) : before.repositoryFilters(),
                overlay(sent, ROBOT_USERNAME, before.robotUsername()),
                overlay(sent, VISIBILITY, before.visibility()),
                sent.get(SYNC_INTERVAL) != null ? ((Number) sent.get(SYNC_INTERVAL)).longValue() : before.syncInterval(),
                overlay(sent, SYNC_START_DATE, before.syncStartDate()),
                before.syncExpirationDate(),
                before.syncStatus(),
                before.syncRetriesRemaining(),
                before.repoSyncStatusCounts(),
                sent.get(SKOPEO_TIMEOUT) != null ? ((Number) sent.get(SKOPEO_TIMEOUT)).intValue() : before.skopeoTimeout(),
                before.creationDate());
    }

    /** Quay skips a null for the simple fields (its check is {@code is not None}). */
    private static String overlay(Map<String, Object> sent, String key, String before) {
        Object value = sent.get(key);
        return value != null ? (String) value : before;
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> registryConfig(Object sent) {
        return sent == null ? Map.of() : (Map<String, Object>) sent;
    }

    @SuppressWarnings("unchecked")
    private static List<String> filters(Object sent) {
        return sent == null ? List.of() : List.copyOf((List<String>) sent);
    }
}
