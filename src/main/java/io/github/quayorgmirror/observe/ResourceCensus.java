package io.github.quayorgmirror.observe;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.status.Condition;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Counts the managed OrganizationMirrors by what their conditions say, from the informer cache. */
public class ResourceCensus {

    public record Counts(int total, int ready, int notReady, int unknown, int stalled) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    /** The {@code status} of the Ready and Stalled conditions, null when there is none. */
    private record Statuses(Object ready, Object stalled) {
    }

    private final Supplier<InformerCache> cache;

    public ResourceCensus(Supplier<InformerCache> cache) {
        this.cache = cache;
    }

    public Counts count() {
        InformerCache mirrors = cache.get();
        if (mirrors == null) {
            return Counts.NONE;
        }
        int total = 0;
        int ready = 0;
        int notReady = 0;
        int stalled = 0;
        for (Statuses statuses : mirrors.read(ResourceCensus::statuses)) {
            total++;
            if ("True".equals(statuses.ready())) {
                ready++;
            } else if ("False".equals(statuses.ready())) {
                notReady++;
            }
            if ("True".equals(statuses.stalled())) {
                stalled++;
            }
        }
        return new Counts(total, ready, notReady, total - ready - notReady, stalled);
    }

    /**
     * Read from the status map as it is, not converted to {@code OrganizationMirrorStatus}: every scrape counts
     * every mirror, once per gauge, and the conversion made that a JSON conversion per mirror.
     */
    private static Statuses statuses(GenericKubernetesResource mirror) {
        if (mirror.getAdditionalProperties().get("status") instanceof Map<?, ?> status
                && status.get("conditions") instanceof List<?> conditions) {
            return new Statuses(conditionStatus(conditions, Condition.READY), conditionStatus(conditions, Condition.STALLED));
        }
        return new Statuses(null, null);
    }

    /** As {@code OrganizationMirrorStatus.condition}: the first condition of that type. */
    private static Object conditionStatus(List<?> conditions, String type) {
        for (Object item : conditions) {
            if (item instanceof Map<?, ?> condition && type.equals(condition.get("type"))) {
                return condition.get("status");
            }
        }
        return null;
    }
}
