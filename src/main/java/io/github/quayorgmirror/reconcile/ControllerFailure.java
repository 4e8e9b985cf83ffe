package io.github.quayorgmirror.reconcile;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.failure.ReconcileFailure;
import io.github.quayorgmirror.secret.SecretRef;
import io.github.quayorgmirror.secret.SecretSnapshot;

/** A failure found by the controller itself (not reported by Quay): missing Secret, refused reference, ... */
public class ControllerFailure extends Exception implements ReconcileFailure {

    private final ConditionReason reason;
    private final boolean permanent;

    public ControllerFailure(ConditionReason reason, String message, boolean permanent) {
        super(message);
        this.reason = reason;
        this.permanent = permanent;
    }

    public static ControllerFailure secretNotFound(String namespace, String name) {
        return new ControllerFailure(ConditionReason.SecretNotFound, "The connection Secret " + namespace + "/" + name
                + " named in spec.connSecretRef does not exist; create it with the keys host and token"
                + " (or username and password)", true);
    }

    public static ControllerFailure crossNamespaceSecretRefused(String field, String resourceNamespace, SecretRef secret) {
        return new ControllerFailure(ConditionReason.CrossNamespaceSecretRefused, field + " names the Secret " + secret
                + " of namespace \"" + secret.namespace() + "\", but this resource is in namespace \"" + resourceNamespace
                + "\": a Secret of another namespace is used only when its annotation " + SecretSnapshot.ALLOWED_NAMESPACES
                + " lists \"" + resourceNamespace + "\" (or \"*\"), or when the controller runs with"
                + " orgmirror.reconcile.allow-cross-namespace-secrets=true. Otherwise put the Secret in namespace \""
                + resourceNamespace + "\"", true);
    }

    public static ControllerFailure registrySecretNotFound(String namespace, String name) {
        return new ControllerFailure(ConditionReason.RegistrySecretNotFound, "The Secret " + namespace + "/" + name
                + " named in spec.externalRegistrySecretRef does not exist; create it with the keys username and"
                + " password of the source registry", true);
    }

    public static ControllerFailure registrySecretKeyMissing(String namespace, String name, String key) {
        return new ControllerFailure(ConditionReason.InvalidRegistrySecret, "The Secret " + namespace + "/" + name
                + " named in spec.externalRegistrySecretRef has no value in the key \"" + key + "\"; it needs the"
                + " keys username and password of the source registry", true);
    }

    public static ControllerFailure registryTypeChange(String inQuay, String wanted) {
        return new ControllerFailure(ConditionReason.RegistryTypeChangeRequiresRecreate, "spec.externalRegistryType is \"" + wanted
                + "\" but the mirror in Quay has type \"" + inQuay + "\": Quay cannot change the type of an existing"
                + " mirror. Delete the OrganizationMirror (and the repositories it created in Quay) and create it again,"
                + " or set externalRegistryType back to \"" + inQuay + "\"", true);
    }

    @Override
    public ConditionReason reason() {
        return reason;
    }

    @Override
    public boolean permanent() {
        return permanent;
    }
}
