package io.github.quayorgmirror.observe;

import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import java.util.function.Supplier;

/** Counts the managed OrganizationMirrors by what their conditions say, from the informer cache. */
public class ResourceCensus {

    public record Counts(int total, int ready, int notReady, int unknown, int stalled) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
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
        for (OrganizationMirrorStatus status : mirrors.read(OrganizationMirrorStatus::of)) {
            total++;
            Condition readyCondition = status.condition(Condition.READY);
            if (readyCondition != null && "True".equals(readyCondition.status())) {
                ready++;
            } else if (readyCondition != null && "False".equals(readyCondition.status())) {
                notReady++;
            }
            Condition stalledCondition = status.condition(Condition.STALLED);
            if (stalledCondition != null && "True".equals(stalledCondition.status())) {
                stalled++;
            }
        }
        return new Counts(total, ready, notReady, total - ready - notReady, stalled);
    }
}
