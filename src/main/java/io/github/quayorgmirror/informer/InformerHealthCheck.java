package io.github.quayorgmirror.informer;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one informer consumer ({@code informer-<plural>}): DOWN until every informer has
 * completed its first list and while any is not watching, so a dead or refused watch is visible
 * instead of a route that looks Started. Not a liveness check: the informer keeps retrying by itself,
 * and restarting the pod does not bring back an unreachable API server (it only makes every replica
 * list everything again at once).
 */
public final class InformerHealthCheck extends AbstractHealthCheck {

    private final Supplier<InformerGroup> informers;

    InformerHealthCheck(String name, Supplier<InformerGroup> informers) {
        super("kubernetes", "informer-" + name);
        this.informers = informers;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** For metrics (gauge orgmirror_informer_healthy). */
    public boolean isHealthy() {
        InformerGroup group = informers.get();
        return group != null && group.isHealthy();
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        InformerGroup group = informers.get();
        if (group == null) {
            builder.message("Informer not running").down();
            return;
        }
        builder.detail("informers", group.size());
        builder.detail("synced", group.hasSynced());
        builder.detail("watching", group.isWatching());
        if (group.isHealthy()) {
            builder.up();
            return;
        }
        builder.message(group.hasSynced() ? "Informer is not watching" : "Informer has not completed its first list");
        group.lastError().ifPresent(error -> builder.detail("lastError", error));
        builder.down();
    }
}
