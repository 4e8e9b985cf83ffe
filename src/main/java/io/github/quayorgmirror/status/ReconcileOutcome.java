package io.github.quayorgmirror.status;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.model.QuayMirrorState;
import io.github.quayorgmirror.quay.mapping.LastApplied;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reconcile pass found and did. The route's processors fill it in step by step (exchange
 * property {@code reconcileOutcome}); the status and the Events are derived from it in one place.
 */
public final class ReconcileOutcome {

    public record Failure(ConditionReason reason, String message, boolean permanent) {
    }

    public record Note(String type, ConditionReason reason, String message) {
        public static Note normal(ConditionReason reason, String message) {
            return new Note("Normal", reason, message);
        }

        public static Note warning(ConditionReason reason, String message) {
            return new Note("Warning", reason, message);
        }
    }

    private QuayMirrorState quayState;
    private Boolean existInQuay;
    private LastApplied lastApplied;
    private Long forcedSyncGeneration;
    private String handledSyncRequest;
    private String handledSyncCancelRequest;
    private Failure failure;
    private Failure pending;
    private boolean released;
    private Condition registryVerified;
    private final List<String> advice = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<Note> caveats = new ArrayList<>();

    public QuayMirrorState quayState() {
        return quayState;
    }

    public void observedInQuay(QuayMirrorState state) {
        this.quayState = state;
        this.existInQuay = state != null;
    }

    public Boolean existInQuay() {
        return existInQuay;
    }

    public LastApplied lastApplied() {
        return lastApplied;
    }

    public void applied(LastApplied applied) {
        this.lastApplied = applied;
    }

    public Long forcedSyncGeneration() {
        return forcedSyncGeneration;
    }

    public void forcedSync(long generation) {
        this.forcedSyncGeneration = generation;
    }

    /** The value of the requested-sync annotation acted on in this pass, or null. */
    public String handledSyncRequest() {
        return handledSyncRequest;
    }

    public void handledSyncRequest(String value) {
        this.handledSyncRequest = value;
    }

    /** The value of the requested-sync-cancel annotation acted on in this pass, or null. */
    public String handledSyncCancelRequest() {
        return handledSyncCancelRequest;
    }

    public void handledSyncCancelRequest(String value) {
        this.handledSyncCancelRequest = value;
    }

    public Failure failure() {
        return failure;
    }

    public void failed(Failure failure) {
        this.failure = failure;
    }

    /** Applied, but something must be checked again later (e.g. a forced sync waits for a running one). */
    public Failure pending() {
        return pending;
    }

    public void pending(ConditionReason reason, String message) {
        this.pending = new Failure(reason, message, false);
    }

    /** The finalizer was removed: the resource is gone or going, there is no status to write. */
    public boolean released() {
        return released;
    }

    public void release() {
        this.released = true;
    }

    /** Quay's verification of the source registry on this pass, or null when none was asked for. */
    public Condition registryVerified() {
        return registryVerified;
    }

    /** @param status {@code True}, {@code False}, or {@code Unknown} when Quay could not be asked */
    public void registryVerified(String status, ConditionReason reason, String message) {
        this.registryVerified = new Condition(Condition.REGISTRY_VERIFIED, status, reason.name(), message, null, null);
    }

    /** Something that works but should change (e.g. an inline password), said in the Ready condition. */
    public List<String> advice() {
        return advice;
    }

    public void advise(String text) {
        advice.add(text);
    }

    /**
     * Warnings about a pass that worked (e.g. credentials sent in cleartext): added to the Ready message, and
     * sent as a Warning Event when the Ready message did not show them yet.
     */
    public List<Note> caveats() {
        return caveats;
    }

    public void caveat(ConditionReason reason, String message) {
        caveats.add(Note.warning(reason, message));
    }

    public List<Note> notes() {
        return notes;
    }

    public void note(Note note) {
        notes.add(note);
    }
}
