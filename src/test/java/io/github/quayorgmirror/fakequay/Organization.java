package io.github.quayorgmirror.fakequay;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** One Quay organization and everything the fake keeps inside it. Guarded by the {@link FakeQuayState} lock. */
final class Organization {

    final String name;
    final Set<String> admins = new LinkedHashSet<>();
    final TreeMap<String, Robot> robots = new TreeMap<>();
    final TreeMap<String, LocalRepository> repositories = new TreeMap<>();
    final TreeMap<String, DiscoveredRepository> discovered = new TreeMap<>();
    MirrorConfig mirror;
    VerifyResult verifyResult = new VerifyResult(true, "Connection successful");
    List<String> sourceRepositories = List.of();
    String discoveryFailure;

    Organization(String name) {
        this.name = name;
    }

    /** Quay's emptiness rule: any repository not marked for deletion counts. */
    boolean hasRepositories() {
        return repositories.values().stream().anyMatch(r -> !"MARKED_FOR_DELETION".equals(r.state));
    }

    record Robot(String fullName, String description, String token, Instant created) {
    }

    record VerifyResult(boolean success, String message) {
    }

    /** A repository in the org itself (what {@code GET /api/v1/repository} lists). */
    static final class LocalRepository {
        final String name;
        String state;
        boolean isPublic;
        String description;

        LocalRepository(String name, String state, boolean isPublic) {
            this.name = name;
            this.state = state;
            this.isPublic = isPublic;
        }
    }

    /** A repository found in the source registry by discovery (§10). */
    static final class DiscoveredRepository {
        final String name;
        String status;
        int retriesRemaining;
        Instant discoveryDate;
        Instant lastSyncDate;
        String statusMessage;

        DiscoveredRepository(String name, String status, int retriesRemaining, Instant discoveryDate) {
            this.name = name;
            this.status = status;
            this.retriesRemaining = retriesRemaining;
            this.discoveryDate = discoveryDate;
        }

        /** §8: SYNCING, SYNC_NOW, NEVER_RUN, or FAIL with retries left keep sync-now refused. */
        boolean isActive() {
            return switch (status) {
                case "SYNCING", "SYNC_NOW", "NEVER_RUN" -> true;
                case "FAIL" -> retriesRemaining > 0;
                default -> false;
            };
        }
    }
}
