package io.github.quayorgmirror.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.quayorgmirror.model.QuayMirrorState;
import java.util.Map;
import java.util.TreeMap;

/** What Quay says about the mirror, as shown in {@code status.quay}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuayView(String syncStatus, String nextSyncDate, Integer syncRetriesRemaining, Boolean isEnabled,
        Map<String, Integer> repositoryStatusCounts) {

    public static QuayView of(QuayMirrorState state) {
        if (state == null) {
            return null;
        }
        Map<String, Integer> counts = state.repoSyncStatusCounts() == null ? null : new TreeMap<>(state.repoSyncStatusCounts());
        return new QuayView(state.syncStatus(), state.syncStartDate(), state.syncRetriesRemaining(), state.isEnabled(),
                counts);
    }
}
