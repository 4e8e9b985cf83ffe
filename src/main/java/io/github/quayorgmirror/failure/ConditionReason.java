package io.github.quayorgmirror.failure;

/**
 * Every reason the controller writes to a condition or an Event of an OrganizationMirror, in one place
 * (docs/operations.md lists what each means and what to do). The constant names are the reasons as they
 * appear on the resource: Kubernetes reasons are CamelCase.
 */
@SuppressWarnings("java:S115")
public enum ConditionReason {
    // failures: Ready=False
    InvalidSpec, InvalidSecret, SecretNotFound, CrossNamespaceSecretRefused, RegistrySecretNotFound,
    InvalidRegistrySecret, RegistryTypeChangeRequiresRecreate, QuayUnauthorized, QuayForbidden, QuayMissingScope,
    OrganizationNotFound, MirrorNotFound, QuayRejected, QuayUnavailable, QuayCircuitOpen, PassDeadlineExceeded,
    QuayChanged, QuayFeatureDisabled, QuayRepoMirrorDisabled, QuayVersionUnsupported, KubernetesApiError,
    InternalError, LeadershipLost, DeletionBlocked,
    // progress and results
    Reconciled, Created, Updated, Deleted, NothingToDelete, Released, OrphanedInQuay, SyncTriggered, SyncPending,
    SyncCancelled, CleartextConnection,
    // the RegistryVerified condition and its Events
    Verified, VerificationFailed, VerificationNotDone, RegistryVerified, RegistryVerificationFailed
}
