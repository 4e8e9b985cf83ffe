package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.quayorgmirror.secret.ReferencedSecretCache;
import io.github.quayorgmirror.secret.SecretRef;
import io.github.quayorgmirror.secret.SecretSnapshot;
import java.net.HttpURLConnection;

/**
 * Who may use which Secret. A resource uses a Secret of its own namespace; one of another namespace only when
 * that Secret's annotation {@value SecretSnapshot#ALLOWED_NAMESPACES} lists the resource's namespace (or
 * {@code *}) — only whoever may edit the Secret can grant its use — or when the controller allows every
 * cross-namespace reference ({@code orgmirror.reconcile.allow-cross-namespace-secrets}). Applies to every
 * Secret a resource names: give the field that names it.
 */
public class SecretAccess {

    private final ReferencedSecretCache secrets;
    private final boolean allowCrossNamespace;

    public SecretAccess(ReferencedSecretCache secrets, boolean allowCrossNamespace) {
        this.secrets = secrets;
        this.allowCrossNamespace = allowCrossNamespace;
    }

    /**
     * The Secret {@code field} of a resource in {@code resourceNamespace} names, when the resource may use it.
     * A refusal says the same whether the Secret exists or not, and never shows anything of it.
     */
    public SecretSnapshot read(String resourceNamespace, String field, SecretRef ref) throws ControllerFailure {
        boolean checked = !allowCrossNamespace && !ref.namespace().equals(resourceNamespace);
        SecretSnapshot snapshot;
        try {
            snapshot = secrets.read(ref);
        } catch (KubernetesClientException e) {
            if (checked && e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
                throw ControllerFailure.crossNamespaceSecretRefused(field, resourceNamespace, ref);
            }
            throw e;
        }
        if (checked && !snapshot.allowsNamespace(resourceNamespace)) {
            throw ControllerFailure.crossNamespaceSecretRefused(field, resourceNamespace, ref);
        }
        return snapshot;
    }
}
