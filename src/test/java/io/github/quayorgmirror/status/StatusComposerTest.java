package io.github.quayorgmirror.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.model.QuayMirrorState;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusComposerTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00.123Z");
    private static final Instant T2 = Instant.parse("2026-11-01T11:00:00Z");

    @Test
    void successMakesReadyTrueAndNotStalledWithTheGeneration() {
        ReconcileOutcome outcome = new ReconcileOutcome();
        outcome.observedInQuay(quayState("SUCCESS"));

        OrganizationMirrorStatus status = StatusComposer.compose(null, 3, outcome, T1);

        assertThat(status.condition(Condition.READY)).extracting(Condition::status, Condition::reason,
                Condition::observedGeneration, Condition::lastTransitionTime)
                .containsExactly("True", "Reconciled", 3L, "2026-11-01T10:00:00Z");
        assertThat(status.condition(Condition.STALLED).status()).isEqualTo("False");
        assertThat(status.condition(Condition.RECONCILING).status()).isEqualTo("False");
        assertThat(status.observedGeneration()).isEqualTo(3L);
        assertThat(status.existInQuay()).isTrue();
        assertThat(status.message()).isEmpty();
        assertThat(status.quay().syncStatus()).isEqualTo("SUCCESS");
        assertThat(status.quay().repositoryStatusCounts()).containsEntry("SUCCESS", 2);
    }

    @Test
    void theRegistryVerificationStandsUntilTheNextOneAndAdviceGoesIntoTheReadyMessage() {
        ReconcileOutcome verifiedNow = new ReconcileOutcome();
        verifiedNow.registryVerified("False", ConditionReason.VerificationFailed, "Authentication failed");
        OrganizationMirrorStatus first = StatusComposer.compose(null, 3, verifiedNow, T1);
        ReconcileOutcome later = new ReconcileOutcome();
        later.advise("move the password to a Secret");

        OrganizationMirrorStatus second = StatusComposer.compose(first, 4, later, T2);

        assertThat(second.condition(Condition.REGISTRY_VERIFIED)).isEqualTo(first.condition(Condition.REGISTRY_VERIFIED))
                .extracting(Condition::status, Condition::observedGeneration).containsExactly("False", 3L);
        assertThat(second.condition(Condition.READY).message()).endsWith(". move the password to a Secret");
    }

    @Test
    void handledSyncRequestsAreKeptUntilANewOneIsHandled() {
        ReconcileOutcome handled = new ReconcileOutcome();
        handled.handledSyncRequest("1");
        handled.handledSyncCancelRequest("a");
        OrganizationMirrorStatus first = StatusComposer.compose(null, 3, handled, T1);

        OrganizationMirrorStatus second = StatusComposer.compose(first, 3, new ReconcileOutcome(), T2);

        assertThat(second.lastHandledSyncRequest()).isEqualTo("1");
        assertThat(second.lastHandledSyncCancelRequest()).isEqualTo("a");
    }

    @Test
    void aLongFailureMessageIsCappedEverywhereItIsWritten() {
        ReconcileOutcome outcome = new ReconcileOutcome();
        outcome.failed(new ReconcileOutcome.Failure(ConditionReason.InvalidSpec, "spec.repositoryFilters[0] is blank; ".repeat(500), true));

        OrganizationMirrorStatus status = StatusComposer.compose(null, 3, outcome, T1);

        assertThat(status.conditions()).allSatisfy(condition -> assertThat(condition.message())
                .hasSize(Condition.MESSAGE_LIMIT).endsWith("…").startsWith("spec.repositoryFilters[0] is blank"));
        assertThat(status.message()).hasSize(Condition.MESSAGE_LIMIT).endsWith("…");
    }

    @Test
    void aCaveatOfASuccessfulPassIsPartOfTheReadyMessage() {
        ReconcileOutcome outcome = new ReconcileOutcome();
        outcome.caveat(ConditionReason.CleartextConnection, "Warning: sent in cleartext");

        OrganizationMirrorStatus status = StatusComposer.compose(null, 3, outcome, T1);

        assertThat(status.condition(Condition.READY).message())
                .isEqualTo("The mirror configuration in Quay matches the spec. Warning: sent in cleartext");
        assertThat(status.condition(Condition.READY).status()).isEqualTo("True");
    }

    @Test
    void sameOutcomeLaterGivesAnEqualStatusSoNothingIsWritten() {
        ReconcileOutcome outcome = new ReconcileOutcome();
        outcome.observedInQuay(quayState("SUCCESS"));
        OrganizationMirrorStatus first = StatusComposer.compose(null, 3, outcome, T1);

        OrganizationMirrorStatus second = StatusComposer.compose(first, 3, outcome, T2);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void permanentFailureStallsAndKeepsWhatWasKnownOfQuay() {
        ReconcileOutcome ok = new ReconcileOutcome();
        ok.observedInQuay(quayState("SUCCESS"));
        OrganizationMirrorStatus before = StatusComposer.compose(null, 3, ok, T1);
        ReconcileOutcome failed = new ReconcileOutcome();
        failed.failed(new ReconcileOutcome.Failure(ConditionReason.InvalidSpec, "spec.syncInterval: too short", true));

        OrganizationMirrorStatus after = StatusComposer.compose(before, 4, failed, T2);

        assertThat(after.condition(Condition.READY)).extracting(Condition::status, Condition::reason, Condition::message,
                Condition::lastTransitionTime)
                .containsExactly("False", "InvalidSpec", "spec.syncInterval: too short", "2026-11-01T11:00:00Z");
        assertThat(after.condition(Condition.STALLED).status()).isEqualTo("True");
        assertThat(after.condition(Condition.RECONCILING).status()).isEqualTo("False");
        assertThat(after.message()).isEqualTo("spec.syncInterval: too short");
        assertThat(after.existInQuay()).isTrue();
        assertThat(after.quay()).isEqualTo(before.quay());
        assertThat(after.condition(Condition.STALLED).lastTransitionTime()).isEqualTo("2026-11-01T11:00:00Z");
    }

    @Test
    void transientFailureIsReconcilingNotStalled() {
        ReconcileOutcome failed = new ReconcileOutcome();
        failed.failed(new ReconcileOutcome.Failure(ConditionReason.QuayUnavailable, "Quay at https://q is unavailable", false));

        OrganizationMirrorStatus status = StatusComposer.compose(null, 1, failed, T1);

        assertThat(status.condition(Condition.READY).status()).isEqualTo("False");
        assertThat(status.condition(Condition.RECONCILING)).extracting(Condition::status, Condition::reason)
                .containsExactly("True", "QuayUnavailable");
        assertThat(status.condition(Condition.STALLED).status()).isEqualTo("False");
    }

    @Test
    void pendingWorkKeepsReadyButShowsReconciling() {
        ReconcileOutcome outcome = new ReconcileOutcome();
        outcome.observedInQuay(quayState("SYNCING"));
        outcome.pending(ConditionReason.SyncPending, "A forced sync waits for the running one");

        OrganizationMirrorStatus status = StatusComposer.compose(null, 2, outcome, T1);

        assertThat(status.condition(Condition.READY).status()).isEqualTo("True");
        assertThat(status.condition(Condition.RECONCILING)).extracting(Condition::status, Condition::reason)
                .containsExactly("True", "SyncPending");
    }

    @Test
    void transitionTimeMovesOnlyWhenTheConditionFlips() {
        ReconcileOutcome failed = new ReconcileOutcome();
        failed.failed(new ReconcileOutcome.Failure(ConditionReason.QuayUnavailable, "first", false));
        OrganizationMirrorStatus first = StatusComposer.compose(null, 1, failed, T1);
        ReconcileOutcome failedAgain = new ReconcileOutcome();
        failedAgain.failed(new ReconcileOutcome.Failure(ConditionReason.QuayRejected, "second", true));

        OrganizationMirrorStatus second = StatusComposer.compose(first, 1, failedAgain, T2);

        assertThat(second.condition(Condition.READY).lastTransitionTime()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(second.condition(Condition.READY).reason()).isEqualTo("QuayRejected");
    }

    @Test
    void recoveryClearsTheMessageAndFlipsEveryCondition() {
        ReconcileOutcome failed = new ReconcileOutcome();
        failed.failed(new ReconcileOutcome.Failure(ConditionReason.InvalidSpec, "spec.syncInterval: too short", true));
        OrganizationMirrorStatus stalled = StatusComposer.compose(null, 1, failed, T1);
        ReconcileOutcome ok = new ReconcileOutcome();
        ok.observedInQuay(quayState("SUCCESS"));

        OrganizationMirrorStatus recovered = StatusComposer.compose(stalled, 2, ok, T2);

        assertThat(recovered.message()).isEmpty();
        for (String type : java.util.List.of(Condition.READY, Condition.STALLED)) {
            assertThat(recovered.condition(type).lastTransitionTime()).as(type).isEqualTo("2026-11-01T11:00:00Z");
        }
        assertThat(recovered.condition(Condition.STALLED).status()).isEqualTo("False");
        assertThat(recovered.condition(Condition.READY).status()).isEqualTo("True");
        assertThat(recovered.condition(Condition.RECONCILING).lastTransitionTime())
                .as("Reconciling was already False").isEqualTo("2026-11-01T10:00:00Z");
    }

    @Test
    void aNewGenerationMovesObservedGenerationButNotTheTransitionTime() {
        ReconcileOutcome ok = new ReconcileOutcome();
        ok.observedInQuay(quayState("SUCCESS"));
        OrganizationMirrorStatus first = StatusComposer.compose(null, 3, ok, T1);

        OrganizationMirrorStatus second = StatusComposer.compose(first, 4, ok, T2);

        assertThat(second).isNotEqualTo(first);
        assertThat(second.observedGeneration()).isEqualTo(4L);
        assertThat(second.conditions()).allSatisfy(condition -> {
            assertThat(condition.observedGeneration()).isEqualTo(4L);
            assertThat(condition.lastTransitionTime()).isEqualTo("2026-11-01T10:00:00Z");
        });
    }

    private static QuayMirrorState quayState(String syncStatus) {
        return new QuayMirrorState(true, "quay", "https://quay.io", "projectquay", null, false, Map.of(),
                java.util.List.of(), "org+robot", "public", 86400L, "2026-11-02T00:00:00Z", null, syncStatus, 3,
                Map.of("SUCCESS", 2, "FAIL", 0), 300, "2026-11-01T09:00:00.5Z");
    }
}
