package io.github.quayorgmirror.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Quay's answer to {@code GET /api/v1/organization/{org}/mirror} (docs/quay-api.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuayMirrorState(
        @JsonProperty("is_enabled") Boolean isEnabled,
        @JsonProperty("external_registry_type") String externalRegistryType,
        @JsonProperty("external_registry_url") String externalRegistryUrl,
        @JsonProperty("external_namespace") String externalNamespace,
        @JsonProperty("external_registry_username") String externalRegistryUsername,
        @JsonProperty("has_external_registry_password") Boolean hasExternalRegistryPassword,
        @JsonProperty("external_registry_config") Map<String, Object> externalRegistryConfig,
        @JsonProperty("repository_filters") List<String> repositoryFilters,
        @JsonProperty("robot_username") String robotUsername,
        @JsonProperty("visibility") String visibility,
        @JsonProperty("sync_interval") Long syncInterval,
        @JsonProperty("sync_start_date") String syncStartDate,
        @JsonProperty("sync_expiration_date") String syncExpirationDate,
        @JsonProperty("sync_status") String syncStatus,
        @JsonProperty("sync_retries_remaining") Integer syncRetriesRemaining,
        @JsonProperty("repo_sync_status_counts") Map<String, Integer> repoSyncStatusCounts,
        @JsonProperty("skopeo_timeout") Integer skopeoTimeout,
        @JsonProperty("creation_date") String creationDate) {

    /** Leaves out the registry config (a proxy URL may carry credentials) and the registry user name. */
    @Override
    public String toString() {
        return "QuayMirrorState[type=" + externalRegistryType + ", url=" + externalRegistryUrl + ", namespace="
                + externalNamespace + ", syncStatus=" + syncStatus + ", nextSync=" + syncStartDate + "]";
    }
}
