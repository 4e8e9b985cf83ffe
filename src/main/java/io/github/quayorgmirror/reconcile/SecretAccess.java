package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.quay.mapping.FieldProblem;
import io.github.quayorgmirror.secret.ReferencedSecretCache;
import io.github.quayorgmirror.secret.SecretRef;
import io.github.quayorgmirror.secret.SecretSnapshot;
import java.net.HttpURLConnection;
import java.util.regex.Pattern;

/**
 * Who may use which Secret. A resource uses a Secret of its own namespace; one of another namespace only when
 * that Secret's annotation {@value SecretSnapshot#ALLOWED_NAMESPACES} lists the resource's namespace (or
 * {@code *}) — only whoever may edit the Secret can grant its use — or when the controller allows every
 * cross-namespace reference ({@code orgmirror.reconcile.allow-cross-namespace-secrets}). Applies to every
 * Secret a resource names: give the field that names it.
 */
public class SecretAccess {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

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
        requireValidNames(field, ref);
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

    /**
     * A name that is no Kubernetes object name never reaches the API server: the client puts it in the URL as it is,
     * so {@code ../../other-namespace/secrets/x} would ask for a path outside the checked namespace.
     */
    private static void requireValidNames(String field, SecretRef ref) throws ControllerFailure {
        if (ref.name().length() > 253 || !SUBDOMAIN.matcher(ref.name()).matches()) {
            throw new ControllerFailure(ConditionReason.InvalidSpec, field + ".name " + FieldProblem.quoted(ref.name())
                    + " is not a Secret name (lower-case letters, digits, '-' and '.', at most 253 characters)", true);
        }
        if (ref.namespace().length() > 63 || !LABEL.matcher(ref.namespace()).matches()) {
            throw new ControllerFailure(ConditionReason.InvalidSpec, field + ".namespace " + FieldProblem.quoted(ref.namespace())
                    + " is not a namespace name (lower-case letters, digits and '-', at most 63 characters)", true);
        }
    }
}
