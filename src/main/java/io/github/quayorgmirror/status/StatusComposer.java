package io.github.quayorgmirror.status;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.status.ReconcileOutcome.Failure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the next status from the previous one and what this pass found: Ready as the summary,
 * Reconciling and Stalled for kstatus-aware tools, each with the generation it describes.
 * Pure: the same inputs give the same status, so "nothing changed" is a plain equals().
 */
public final class StatusComposer {

    static final ConditionReason RECONCILED = ConditionReason.Reconciled;

    private StatusComposer() {
    }

    public static OrganizationMirrorStatus compose(OrganizationMirrorStatus previous, long generation,
            ReconcileOutcome outcome, Instant now) {
        OrganizationMirrorStatus old = previous == null ? OrganizationMirrorStatus.EMPTY : previous;
        List<Condition> next = new ArrayList<>(conditionsFor(outcome, generation));
        if (outcome.registryVerified() != null) {
            next.add(outcome.registryVerified().withGeneration(generation));
        } else if (old.condition(Condition.REGISTRY_VERIFIED) != null) {
            // verified only when the registry or its credentials change: the last result stands until then
            next.add(old.condition(Condition.REGISTRY_VERIFIED));
        }
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<Condition> stamped = new ArrayList<>();
        for (Condition condition : next) {
            Condition before = old.condition(condition.type());
            boolean flipped = before == null || !before.status().equals(condition.status())
                    || before.lastTransitionTime() == null;
            stamped.add(condition.withTransitionTime(flipped ? time : before.lastTransitionTime()));
        }
        Failure failure = outcome.failure();
        return new OrganizationMirrorStatus(
                stamped,
                generation,
                outcome.existInQuay() != null ? outcome.existInQuay() : old.existInQuay(),
                failure == null ? "" : Condition.capped(failure.message()),
                outcome.quayState() != null ? QuayView.of(outcome.quayState()) : old.quay(),
                outcome.lastApplied() != null ? outcome.lastApplied() : old.lastApplied(),
                outcome.forcedSyncGeneration() != null ? outcome.forcedSyncGeneration() : old.lastForcedSyncGeneration(),
                outcome.handledSyncRequest() != null ? outcome.handledSyncRequest() : old.lastHandledSyncRequest(),
                outcome.handledSyncCancelRequest() != null ? outcome.handledSyncCancelRequest()
                        : old.lastHandledSyncCancelRequest());
    }

    private static List<Condition> conditionsFor(ReconcileOutcome outcome, long generation) {
        Failure failure = outcome.failure();
        if (failure != null) {
            return List.of(
                    Condition.of(Condition.READY, false, failure.reason(), failure.message(), generation),
                    Condition.of(Condition.RECONCILING, !failure.permanent(), failure.reason(), failure.message(), generation),
                    Condition.of(Condition.STALLED, failure.permanent(), failure.reason(), failure.message(), generation));
        }
        List<String> sentences = new ArrayList<>(List.of("The mirror configuration in Quay matches the spec"));
        sentences.addAll(outcome.advice());
        outcome.caveats().forEach(caveat -> sentences.add(caveat.message()));
        String done = String.join(". ", sentences);
        Failure pending = outcome.pending();
        return List.of(
                Condition.of(Condition.READY, true, RECONCILED, done, generation),
                pending == null
                        ? Condition.of(Condition.RECONCILING, false, RECONCILED, done, generation)
                        : Condition.of(Condition.RECONCILING, true, pending.reason(), pending.message(), generation),
                Condition.of(Condition.STALLED, false, RECONCILED, done, generation));
    }
}
