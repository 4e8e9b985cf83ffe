package io.github.quayorgmirror.fakequay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One tick of Quay's org-mirror worker for one config (§8, Quay ≥ 3.17.2): pick-up rules, cancel
 * processing, discovery against the scripted source list, and an always-successful image copy.
 */
final class WorkerSimulation {

    private final FakeQuayState state;

    WorkerSimulation(FakeQuayState state) {
        this.state = state;
    }

    void addDiscovered(Organization org, String name, String status, int retriesRemaining) {
        Instant now = QuayTime.now();
        Organization.DiscoveredRepository repo = new Organization.DiscoveredRepository(name, status, retriesRemaining, now);
        if (status.equals("SUCCESS")) {
            repo.lastSyncDate = now;
            ensureLocalRepository(org, name);
        }
        org.discovered.put(name, repo);
    }

    void tick(Organization org) {
        MirrorConfig m = org.mirror;
        if (m == null || !m.isEnabled || !isEligible(m, QuayTime.now())) {
            return;
        }
        boolean wasSyncNow = m.syncStatus.equals("SYNC_NOW");
        if (m.syncStatus.equals("CANCEL")) {
            org.discovered.values().stream().filter(r -> !r.status.equals("SKIP")).forEach(r -> r.status = "CANCEL");
            releaseSuccess(m);
        } else if (org.discoveryFailure != null) {
            releaseFailure(m);
        } else {
            discover(org, m, wasSyncNow);
            copyImages(org);
            releaseSuccess(m);
        }
    }

    /** {@code get_eligible_org_mirror_configs}. */
    private static boolean isEligible(MirrorConfig m, Instant now) {
        boolean noExpiry = m.syncExpirationDate == null;
        return switch (m.syncStatus) {
            case "SYNC_NOW" -> noExpiry || isDue(m, now);
            case "CANCEL" -> !noExpiry || isDue(m, now);
            case "SYNCING" -> !noExpiry && m.syncExpirationDate.isBefore(now);
            default -> isDue(m, now);
        };
    }

    private static boolean isDue(MirrorConfig m, Instant now) {
        return m.syncExpirationDate == null && m.syncRetriesRemaining > 0 && !m.syncStartDate.isAfter(now);
    }

    private void discover(Organization org, MirrorConfig m, boolean pushSyncNow) {
        Instant now = QuayTime.now();
        List<String> source = org.sourceRepositories;
        for (String name : source) {
            boolean included = m.repositoryFilters.isEmpty() || m.repositoryFilters.stream().anyMatch(f -> Glob.matches(f, name));
            Organization.DiscoveredRepository known = org.discovered.get(name);
            if (!included) {
                if (known != null) {
                    skip(known, "Repository excluded by filters");
                }
            } else if (known == null) {
                org.discovered.put(name, new Organization.DiscoveredRepository(name, "NEVER_RUN", MirrorConfig.MAX_RETRIES, now));
            } else if (known.status.equals("SKIP")) {
                known.status = "NEVER_RUN";
                known.statusMessage = null;
            }
        }
        Set<String> listed = Set.copyOf(source);
        org.discovered.values().stream().filter(r -> !listed.contains(r.name))
                .forEach(r -> skip(r, "Repository no longer in source registry"));
        for (Organization.DiscoveredRepository r : org.discovered.values()) {
            if (pushSyncNow && !r.status.equals("SKIP") && !r.status.equals("SYNCING")) {
                r.status = "SYNC_NOW";
            } else if (r.status.equals("CANCEL")) {
                r.status = "NEVER_RUN";
            }
        }
    }

    private static void skip(Organization.DiscoveredRepository r, String why) {
        r.status = "SKIP";
        r.statusMessage = why;
    }

    /** The per-repository mirror always succeeds here: the repo exists locally afterwards. */
    private void copyImages(Organization org) {
        Instant now = QuayTime.now();
        for (Organization.DiscoveredRepository r : org.discovered.values()) {
            if (r.status.equals("NEVER_RUN") || r.status.equals("SYNC_NOW")) {
                ensureLocalRepository(org, r.name);
                r.status = "SUCCESS";
                r.lastSyncDate = now;
                r.retriesRemaining = MirrorConfig.MAX_RETRIES;
                r.statusMessage = null;
            }
        }
    }

    private void ensureLocalRepository(Organization org, String name) {
        boolean isPublic = org.mirror != null && "public".equals(org.mirror.visibility);
        org.repositories.computeIfAbsent(name, n -> new Organization.LocalRepository(n, "ORG_MIRROR", isPublic));
    }

    private static void releaseSuccess(MirrorConfig m) {
        m.syncStatus = "SUCCESS";
        m.syncExpirationDate = null;
        m.syncRetriesRemaining = MirrorConfig.MAX_RETRIES;
        m.syncStartDate = nextSlot(m);
    }

    /** While retries remain the start date is kept, so the next tick retries. */
    private static void releaseFailure(MirrorConfig m) {
        m.syncStatus = "FAIL";
        m.syncExpirationDate = null;
        m.syncRetriesRemaining--;
        if (m.syncRetriesRemaining <= 0) {
            m.syncStartDate = nextSlot(m);
            m.syncRetriesRemaining = MirrorConfig.MAX_RETRIES;
        }
    }

    /** {@code now + interval − (elapsed mod interval)}: the next point on the schedule's grid. */
    private static Instant nextSlot(MirrorConfig m) {
        Instant now = QuayTime.now();
        long elapsed = Math.max(0, Duration.between(m.syncStartDate, now).getSeconds());
        return now.plusSeconds(m.syncInterval - (elapsed % m.syncInterval));
    }
}
