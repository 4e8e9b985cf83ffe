package io.github.quayorgmirror.quay.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the controller last wrote to Quay, for the two things Quay cannot tell back: the password (never
 * returned) and the start date (Quay moves it forward after every run, so GET cannot be compared with the spec).
 * Stored in the resource status as {@code {"generation":3,"connectionSecretVersion":"812","syncStartDate":"…"}}.
 *
 * <p>The caller builds it with {@link #after} after every successful create or update, from the same desired
 * configuration, generation and Secret version it passed to {@link MirrorConfigDiff#between}; it may also store
 * it after a pass that found nothing to write (the empty body proves Quay matches). It passes {@code null} when
 * the status holds none (first reconcile, status lost, mirror adopted): the password is then sent once.
 *
 * @param generation              {@code metadata.generation} of the resource whose spec was written
 * @param connectionSecretVersion {@code metadata.resourceVersion} of the Secret the connection (and any
 *                                credential taken from it) was read from; null when there was none
 * @param syncStartDate           the spec's own start date in Quay's format as written, null when the spec had
 *                                none (a create then started "now", which is not the spec's wish to keep)
 * @param registrySecretVersion   {@code metadata.resourceVersion} of the Secret of {@code externalRegistrySecretRef}
 *                                the registry password was read from; null when it came from the spec
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LastApplied(Long generation, String connectionSecretVersion, String syncStartDate,
        String registrySecretVersion) {

    public LastApplied(Long generation, String connectionSecretVersion, String syncStartDate) {
        this(generation, connectionSecretVersion, syncStartDate, null);
    }

    public static LastApplied after(DesiredMirrorConfig written, long generation, String connectionSecretVersion) {
        return new LastApplied(generation, connectionSecretVersion, written.syncStartDate(),
                written.registrySecretVersion());
    }
}
