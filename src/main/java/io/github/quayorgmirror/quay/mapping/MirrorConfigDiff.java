package io.github.quayorgmirror.quay.mapping;

import static io.github.quayorgmirror.quay.mapping.QuayMirrorKeys.*;

import io.github.quayorgmirror.model.QuayMirrorState;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The smallest update that brings Quay's mirror configuration to the desired one (docs/quay-api.md). Quay applies only the keys present in a PUT, so every key
 * left out is a field that already matches.
 */
public final class MirrorConfigDiff {

    private MirrorConfigDiff() {
    }

    /**
     * @param current                Quay's GET answer for the existing mirror
     * @param lastApplied            from the status, or null when none was stored (see {@link LastApplied})
     * @param currentSecretVersion   resourceVersion of the connection Secret read on this pass, or null
     * @param currentGeneration      {@code metadata.generation} of the resource on this pass
     */
    public static MirrorUpdate between(DesiredMirrorConfig desired, QuayMirrorState current, LastApplied lastApplied,
                                       String currentSecretVersion, long currentGeneration) {
        Map<String, Object> body = new LinkedHashMap<>();
        // No Quay default exists for these: a spec without them leaves Quay's value alone.
        putIfWantedAndDiffers(body, EXTERNAL_REGISTRY_URL, desired.externalRegistryUrl(), current.externalRegistryUrl());
        putIfWantedAndDiffers(body, EXTERNAL_NAMESPACE, desired.externalNamespace(), current.externalNamespace());
        putIfWantedAndDiffers(body, ROBOT_USERNAME, desired.robotUsername(), current.robotUsername());
        putIfDiffers(body, VISIBILITY, desired.visibility(), current.visibility());
        putIfDiffers(body, SYNC_INTERVAL, desired.syncIntervalSeconds(), current.syncInterval());
        if (startDateChanged(desired.syncStartDate(), lastApplied, current.syncStartDate())) {
            body.put(SYNC_START_DATE, desired.syncStartDate());
        }
        putIfDiffers(body, IS_ENABLED, desired.isEnabled(), current.isEnabled());
        // A spec without a user name means anonymous access: a null clears Quay's stored one.
        putIfDiffers(body, EXTERNAL_REGISTRY_USERNAME, desired.externalRegistryUsername(),
                current.externalRegistryUsername());
        putPasswordIfNeeded(body, desired, current, lastApplied, currentSecretVersion, currentGeneration);
        putIfDiffers(body, EXTERNAL_REGISTRY_CONFIG, desired.externalRegistryConfig(), current.externalRegistryConfig());
        if (current.repositoryFilters() == null
                || !new HashSet<>(desired.repositoryFilters()).equals(new HashSet<>(current.repositoryFilters()))) {
            body.put(REPOSITORY_FILTERS, desired.repositoryFilters());
        }
        putIfDiffers(body, SKOPEO_TIMEOUT, desired.skopeoTimeoutSeconds(), current.skopeoTimeout());

        boolean typeChange = desired.externalRegistryType() != null
                && !desired.externalRegistryType().equals(current.externalRegistryType());
        return new MirrorUpdate(body, typeChange, List.copyOf(body.keySet()));
    }

    /**
     * Quay advances {@code sync_start_date} to the next run after every sync, so GET is compared only when
     * nothing was recorded; otherwise the spec's date is sent once per change of the spec's date.
     */
    private static boolean startDateChanged(String desired, LastApplied lastApplied, String inQuay) {
        if (desired == null) {
            return false;
        }
        String reference = lastApplied == null ? inQuay : lastApplied.syncStartDate();
        return !Objects.equals(QuayTimestamps.parse(desired), QuayTimestamps.parse(reference));
    }

    /** Quay never returns the password; it is sent when it may have changed since the last write, or is missing. */
    private static void putPasswordIfNeeded(Map<String, Object> body, DesiredMirrorConfig desired,
                                            QuayMirrorState current, LastApplied lastApplied,
                                            String currentSecretVersion, long currentGeneration) {
        boolean quayHasPassword = Boolean.TRUE.equals(current.hasExternalRegistryPassword());
        if (desired.externalRegistryPassword() == null) {
            if (quayHasPassword) {
                body.put(EXTERNAL_REGISTRY_PASSWORD, null);
            }
            return;
        }
        boolean mayHaveChanged = lastApplied == null || (desired.registrySecretVersion() != null
                // from its own Secret: only a new version of that Secret can bring a new password
                ? !Objects.equals(lastApplied.registrySecretVersion(), desired.registrySecretVersion())
                : !Objects.equals(lastApplied.generation(), currentGeneration)
                        || !Objects.equals(lastApplied.connectionSecretVersion(), currentSecretVersion));
        if (mayHaveChanged || !quayHasPassword) {
            body.put(EXTERNAL_REGISTRY_PASSWORD, desired.externalRegistryPassword());
        }
    }

    private static void putIfWantedAndDiffers(Map<String, Object> body, String key, Object desired, Object inQuay) {
        if (desired != null) {
            putIfDiffers(body, key, desired, inQuay);
        }
    }

    private static void putIfDiffers(Map<String, Object> body, String key, Object desired, Object inQuay) {
        if (!Objects.equals(desired, inQuay)) {
            body.put(key, desired);
        }
    }
}
