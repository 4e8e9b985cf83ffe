package io.github.quayorgmirror.fakequay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** sync-now, sync-cancel, verify and the discovered-repositories list (§8–§10). */
final class MirrorSyncHandler {

    static final String DISCOVERY_RUNNING = "Cannot trigger sync: discovery is currently in progress.";
    static final String REPOS_ACTIVE = "Cannot trigger sync: repositories are still syncing. Cancel the current "
            + "sync and wait for all repositories to reach a terminal state before triggering a new sync.";
    static final String ALREADY_CANCELLED = "Cannot cancel: mirror is already cancelled";

    private final Permissions permissions;
    private final QuayErrors errors;

    MirrorSyncHandler(Permissions permissions, QuayErrors errors) {
        this.permissions = permissions;
        this.errors = errors;
    }

    Response syncNow(ApiRequest req) {
        Organization org = permissions.requireMirror(req.caller, req.param(0));
        MirrorConfig m = org.mirror;
        if (m.syncStatus.equals("SYNCING")) {
            throw errors.invalidRequest(DISCOVERY_RUNNING);
        }
        if (org.discovered.values().stream().anyMatch(Organization.DiscoveredRepository::isActive)) {
            throw errors.invalidRequest(REPOS_ACTIVE);
        }
        m.syncStatus = "SYNC_NOW";
        m.syncStartDate = QuayTime.now();
        m.syncExpirationDate = null;
        m.syncRetriesRemaining = Math.max(m.syncRetriesRemaining, 1);
        return Response.empty(204);
    }

    /** Keeps {@code sync_start_date}; the worker turns a processed CANCEL into SUCCESS. */
    Response syncCancel(ApiRequest req) {
        Organization org = permissions.requireMirror(req.caller, req.param(0));
        MirrorConfig m = org.mirror;
        if (m.syncStatus.equals("CANCEL")) {
            throw errors.invalidRequest(ALREADY_CANCELLED);
        }
        m.syncStatus = "CANCEL";
        m.syncExpirationDate = QuayTime.now();
        m.syncRetriesRemaining = 0;
        return Response.empty(204);
    }

    Response verify(ApiRequest req) {
        Organization org = permissions.requireMirror(req.caller, req.param(0));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", org.verifyResult.success());
        body.put("message", org.verifyResult.message());
        return Response.json(200, body);
    }

    Response repositories(ApiRequest req) {
        Organization org = permissions.requireMirror(req.caller, req.param(0));
        int page = Math.max(intParam(req, "page", 1), 1);
        int limit = intParam(req, "limit", 100);
        limit = limit < 1 ? 100 : Math.min(limit, 500);
        String status = statusFilter(req.query.get("status"));
        List<Organization.DiscoveredRepository> matching = org.discovered.values().stream()
                .filter(r -> status == null || r.status.equals(status)).toList();
        List<Map<String, Object>> items = matching.stream().skip((long) (page - 1) * limit).limit(limit)
                .map(r -> item(org, r)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repositories", items);
        body.put("page", page);
        body.put("limit", limit);
        body.put("total", matching.size());
        body.put("has_next", (long) page * limit < matching.size());
        return Response.json(200, body);
    }

    private String statusFilter(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String upper = raw.toUpperCase(Locale.ROOT);
        if (!MirrorConfig.REPO_STATUSES.contains(upper)) {
            throw errors.invalidRequest("Invalid status filter '" + raw + "'. Valid values: "
                    + String.join(", ", MirrorConfig.REPO_STATUSES));
        }
        return upper;
    }

    private int intParam(ApiRequest req, String name, int fallback) {
        String raw = req.query.get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw errors.invalidRequest("Invalid value for " + name + ": " + raw);
        }
    }

    private static Map<String, Object> item(Organization org, Organization.DiscoveredRepository r) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", r.name);
        item.put("sync_status", r.status);
        item.put("discovery_date", QuayTime.format(r.discoveryDate));
        item.put("last_sync_date", QuayTime.format(r.lastSyncDate));
        item.put("status_message", r.statusMessage);
        item.put("quay_repository", org.repositories.containsKey(r.name) ? org.name + "/" + r.name : null);
        return item;
    }
}
