package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored organization mirror configuration and its sync status (§7). */
final class MirrorConfig {

    static final List<String> REPO_STATUSES =
            List.of("CANCEL", "FAIL", "NEVER_RUN", "SUCCESS", "SYNCING", "SYNC_NOW", "SKIP");
    static final int MAX_RETRIES = 3;

    boolean isEnabled = true;
    String registryType;
    String registryUrl;
    String externalNamespace;
    String username;
    String password;
    JsonNode registryConfig;
    List<String> repositoryFilters = new ArrayList<>();
    String robotUsername;
    String visibility;
    long syncInterval;
    Instant syncStartDate;
    Instant syncExpirationDate;
    String syncStatus = "NEVER_RUN";
    int syncRetriesRemaining = MAX_RETRIES;
    int skopeoTimeout = 300;
    Instant creationDate;

    MirrorConfig copy() {
        MirrorConfig c = new MirrorConfig();
        c.isEnabled = isEnabled;
        c.registryType = registryType;
        c.registryUrl = registryUrl;
        c.externalNamespace = externalNamespace;
        c.username = username;
        c.password = password;
        c.registryConfig = registryConfig == null ? null : registryConfig.deepCopy();
        c.repositoryFilters = new ArrayList<>(repositoryFilters);
        c.robotUsername = robotUsername;
        c.visibility = visibility;
        c.syncInterval = syncInterval;
        c.syncStartDate = syncStartDate;
        c.syncExpirationDate = syncExpirationDate;
        c.syncStatus = syncStatus;
        c.syncRetriesRemaining = syncRetriesRemaining;
        c.skopeoTimeout = skopeoTimeout;
        c.creationDate = creationDate;
        return c;
    }

    /** The GET answer: every key always present, the password never. */
    Map<String, Object> toJson(Map<String, Integer> repoStatusCounts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("is_enabled", isEnabled);
        out.put("external_registry_type", registryType);
        out.put("external_registry_url", registryUrl);
        out.put("external_namespace", externalNamespace);
        out.put("external_registry_username", username);
        out.put("has_external_registry_password", password != null);
        out.put("external_registry_config", registryConfig == null ? Map.of() : Json.toPlain(registryConfig));
        out.put("repository_filters", List.copyOf(repositoryFilters));
        out.put("robot_username", robotUsername);
        out.put("visibility", visibility);
        out.put("sync_interval", syncInterval);
        out.put("sync_start_date", QuayTime.format(syncStartDate));
        out.put("sync_expiration_date", QuayTime.format(syncExpirationDate));
        out.put("sync_status", syncStatus);
        out.put("sync_retries_remaining", syncRetriesRemaining);
        out.put("repo_sync_status_counts", repoStatusCounts);
        out.put("skopeo_timeout", skopeoTimeout);
        out.put("creation_date", QuayTime.format(creationDate));
        return out;
    }

    static Map<String, Integer> zeroCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        REPO_STATUSES.forEach(s -> counts.put(s, 0));
        return counts;
    }
}
