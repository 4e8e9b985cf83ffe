package io.github.quayorgmirror.reconcile;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.quay.QuayCalls;
import io.github.quayorgmirror.quay.QuayCapabilities;
import io.github.quayorgmirror.quay.QuayConnection;
import io.github.quayorgmirror.quay.QuayNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Whether the Quay of the connection can hold and run organization mirrors, from its {@code GET /config}: read
 * once per Quay and kept for {@code ttl} (a stalled resource retried on a Quay without the feature costs no
 * call while the answer is fresh), and read again when the mirror API answers 404.
 */
public class QuayCapabilitySteps {

    private static final String NOT_FOUND = "quayMirrorNotFound";

    private record Known(QuayCapabilities capabilities, Instant readAt) {
    }

    private final Map<String, Known> byQuay = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public QuayCapabilitySteps(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** True when this Quay's capabilities are unknown or older than the ttl. */
    public boolean readNeeded(Exchange exchange) {
        Known known = byQuay.get(quay(exchange));
        return known == null || !known.readAt().plus(ttl).isAfter(clock.instant());
    }

    /** Keeps Quay's {@code /config} answer, left in the body by {@code quay-get-config}. */
    public void remember(Exchange exchange) {
        byQuay.put(quay(exchange), new Known(QuayCapabilities.of(exchange.getIn().getBody(Map.class)), clock.instant()));
        exchange.getIn().setBody(null);
    }

    /** {@code /config} refused (a proxy that passes {@code /api} only): nothing known, nothing refused, for ttl. */
    public void rememberUnknown(Exchange exchange) {
        byQuay.put(quay(exchange), new Known(QuayCapabilities.UNKNOWN, clock.instant()));
    }

    /** Stops the pass, before any mirror call, when this Quay cannot hold organization mirrors. */
    public void requireOrgMirror(Exchange exchange) throws ControllerFailure {
        Optional<ControllerFailure> missing = orgMirrorMissing(exchange);
        if (missing.isPresent()) {
            throw missing.get();
        }
    }

    /**
     * The last step of a pass that applied the configuration: without FEATURE_REPO_MIRROR no worker ever runs it,
     * so the resource is not Ready, though Quay holds what the spec asks for.
     */
    public void requireSyncWorker(Exchange exchange) throws ControllerFailure {
        if (Boolean.FALSE.equals(capabilities(exchange).repoMirror())) {
            throw new ControllerFailure(ConditionReason.QuayRepoMirrorDisabled, "The mirror configuration is applied, but"
                    + " FEATURE_REPO_MIRROR is off in the Quay at " + quay(exchange) + ": no worker will ever synchronize"
                    + " it. Set FEATURE_REPO_MIRROR: true in Quay's config.yaml (the org-mirror worker runs inside the"
                    + " repository mirror worker)", true);
        }
    }

    /** A 404 from the mirror API may mean the feature went off since the last read: read {@code /config} again. */
    public boolean notFoundMayBeMissingFeature(Exchange exchange) {
        Object caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        boolean mirrorMissing = caught instanceof QuayNotFoundException notFound
                && notFound.missing() == QuayNotFoundException.Missing.MIRROR
                && exchange.getProperty(QuayCalls.CONNECTION) != null;
        if (mirrorMissing) {
            byQuay.remove(quay(exchange));
            exchange.setProperty(NOT_FOUND, caught);
        }
        return mirrorMissing;
    }

    /**
     * After reading {@code /config} again: the missing feature, when that is the cause, replaces Quay's 404;
     * otherwise, or when {@code /config} could not be read, the 404 stands.
     */
    public void explainNotFound(Exchange exchange) {
        Object notFound = exchange.removeProperty(NOT_FOUND);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, orgMirrorMissing(exchange).<Object>map(f -> f).orElse(notFound));
    }

    private Optional<ControllerFailure> orgMirrorMissing(Exchange exchange) {
        QuayCapabilities capabilities = capabilities(exchange);
        String quay = quay(exchange);
        if (capabilities.olderThanOrgMirrorApi()) {
            return Optional.of(new ControllerFailure(ConditionReason.QuayVersionUnsupported, "The Quay at " + quay + " is version "
                    + capabilities.version() + ": organization mirrors need Quay 3.17 or later", true));
        }
        if (capabilities.known() && capabilities.orgMirror() == null) {
            return Optional.of(new ControllerFailure(ConditionReason.QuayVersionUnsupported, "The Quay at " + quay + " has no"
                    + " organization mirror API (its /config lists no ORG_MIRROR feature"
                    + (capabilities.version() == null ? "" : ", version " + capabilities.version())
                    + "): organization mirrors need Quay 3.17 or later", true));
        }
        if (Boolean.FALSE.equals(capabilities.orgMirror())) {
            return Optional.of(new ControllerFailure(ConditionReason.QuayFeatureDisabled, "FEATURE_ORG_MIRROR is off in the Quay at "
                    + quay + ": its organization mirror API is not available. Set FEATURE_ORG_MIRROR: true (and"
                    + " FEATURE_REPO_MIRROR: true, for the worker) in Quay's config.yaml", true));
        }
        return Optional.empty();
    }

    private QuayCapabilities capabilities(Exchange exchange) {
        Known known = byQuay.get(quay(exchange));
        return known == null ? QuayCapabilities.UNKNOWN : known.capabilities();
    }

    private static String quay(Exchange exchange) {
        return exchange.getProperty(QuayCalls.CONNECTION, QuayConnection.class).baseUri().toString();
    }
}
