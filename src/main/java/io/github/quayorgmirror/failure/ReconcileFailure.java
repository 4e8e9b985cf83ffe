package io.github.quayorgmirror.failure;

/**
 * A failure the reconcile route knows how to report: every typed exception of this project
 * implements it, so one error route turns any of them into a condition, an Event and a retry decision.
 */
public interface ReconcileFailure {

    /** CamelCase condition reason, e.g. {@code InvalidSpec}, {@code QuayUnavailable}. */
    ConditionReason reason();

    /** Message for status and Events: says what is wrong and how to fix it; never carries a secret. */
    String getMessage();

    /**
     * True when retrying without a change cannot help (bad spec, bad Secret, Quay 4xx): the resource is
     * Stalled and retried slowly; false when the cause may go away by itself (Quay down): retried with backoff.
     */
    boolean permanent();
}
