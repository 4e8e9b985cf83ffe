package io.github.quayorgmirror.reconcile;

/**
 * Exchange property names shared by the reconcile routes and their beans. Properties, never headers:
 * headers would travel to Quay as HTTP headers. These names are part of the integrator contract
 * (docs/extending.md) and do not change without a note in the changelog.
 */
public final class ReconcileProperties {

    /** The latest OrganizationMirror from the informer cache (fabric8 GenericKubernetesResource). */
    public static final String RESOURCE = "organizationMirror";
    /** {@code namespace/name} of the resource being reconciled. */
    public static final String RESOURCE_KEY = "resourceKey";
    /** {@code status.ReconcileOutcome}: what this pass found and did. */
    public static final String OUTCOME = "reconcileOutcome";
    /** Boolean: the resource carries a deletionTimestamp. */
    public static final String DELETING = "deleting";
    /** Namespace and name of the connection Secret. */
    public static final String SECRET_NAMESPACE = "connectionSecretNamespace";
    public static final String SECRET_NAME = "connectionSecretName";
    /** resourceVersion of the connection Secret used on this pass. */
    public static final String SECRET_VERSION = "connectionSecretVersion";
    /** {@code quay.mapping.DesiredMirrorConfig} built from the spec. */
    public static final String DESIRED = "desiredMirrorConfig";
    /** Boolean: the spec and Quay differ; the body holds the minimal PUT. */
    public static final String QUAY_UPDATE_NEEDED = "quayUpdateNeeded";
    /**
     * Boolean: this pass changed Quay's sync state in a way it cannot derive (sync-now, sync-cancel), so Quay's view
     * is read again for the status. A create or update needs no read: its effect is defined by what was sent.
     */
    public static final String QUAY_READ_AGAIN = "quayReadAgain";
    /** Boolean set by route {@code quay-get-org-mirror}: whether Quay holds a configuration; absent before any read. */
    public static final String QUAY_MIRROR_EXISTS = "quayMirrorExists";
    /** Boolean: this pass created the mirror or changed its registry URL, user name or password in Quay. */
    public static final String REGISTRY_CHANGED = "quayRegistryChanged";
    /** Boolean: a forced sync is due for this generation. */
    public static final String FORCE_SYNC_DUE = "forceSyncDue";
    /**
     * Map with {@code resource}, {@code namespace}, {@code name}, {@code reason}, {@code message} and
     * {@code permanent}, set when a pass fails: ready to marshal to JSON in an extension route.
     */
    public static final String FAILURE = "reconcileFailure";
    /** String: {@code success}, {@code requeued}, {@code stalled} or {@code failed}, for metrics and extensions. */
    public static final String RESULT = "reconcileResult";

    private ReconcileProperties() {
    }
}
