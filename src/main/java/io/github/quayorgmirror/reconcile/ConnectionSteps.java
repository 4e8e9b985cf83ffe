package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import io.github.quayorgmirror.quay.ConnectionSecretParser;
import io.github.quayorgmirror.quay.QuayConnection;
import io.github.quayorgmirror.quay.QuayRequests;
import io.github.quayorgmirror.status.MirrorResource;
import java.util.Map;
import org.apache.camel.Exchange;

/** Reconcile steps that find the Quay connection: which Secret, and what it says. */
public class ConnectionSteps {

    private final boolean allowCrossNamespaceSecrets;
    private final KnownConnections knownConnections;

    public ConnectionSteps(boolean allowCrossNamespaceSecrets, KnownConnections knownConnections) {
        this.allowCrossNamespaceSecrets = allowCrossNamespaceSecrets;
        this.knownConnections = knownConnections;
    }

    /** Sets the Secret's namespace and name; {@code connSecretRef.namespace} defaults to the resource's. */
    public void locateSecret(Exchange exchange) throws ControllerFailure {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        String ownNamespace = resource.getMetadata().getNamespace();
        OrganizationMirrorSpec.ConnSecretRef ref = MirrorResource.spec(resource).connSecretRef();
        if (ref == null || ref.name() == null || ref.name().isBlank()) {
            throw new ControllerFailure("InvalidSpec", "spec.connSecretRef.name is required: it names the Secret that"
                    + " holds the Quay connection (host, token or username/password)", true);
        }
        String namespace = ref.namespaceOr(ownNamespace);
        if (!allowCrossNamespaceSecrets && !namespace.equals(ownNamespace)) {
            throw ControllerFailure.crossNamespaceSecretRefused(ownNamespace, namespace);
        }
        exchange.setProperty(ReconcileProperties.SECRET_NAMESPACE, namespace);
        exchange.setProperty(ReconcileProperties.SECRET_NAME, ref.name());
    }

    /** Reads the Secret the kubernetes-secrets producer left in the body (null when it does not exist). */
    public void readSecret(Exchange exchange) throws Exception {
        String namespace = exchange.getProperty(ReconcileProperties.SECRET_NAMESPACE, String.class);
        String name = exchange.getProperty(ReconcileProperties.SECRET_NAME, String.class);
        Secret secret = exchange.getIn().getBody(Secret.class);
        // the Secret's values leave the exchange whatever happens next: a failure goes on to the status,
        // the Events and the integrators' on-failure route
        exchange.getIn().setBody(null);
        if (secret == null) {
            throw ControllerFailure.secretNotFound(namespace, name);
        }
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        QuayConnection connection = ConnectionSecretParser.parse(namespace + "/" + name, data);
        exchange.setProperty(QuayRequests.CONNECTION, connection);
        knownConnections.remember(namespace + "/" + name, connection);
        exchange.setProperty(ReconcileProperties.SECRET_VERSION, secret.getMetadata().getResourceVersion());
    }

    /** The organization path segment for the Quay calls. */
    public void targetOrganization(Exchange exchange) throws ControllerFailure {
        requireOrganization(exchange);
    }

    static void requireOrganization(Exchange exchange) throws ControllerFailure {
        String organization = MirrorResource.spec(ResourceSteps.resource(exchange)).organization();
        if (organization == null || organization.isBlank()) {
            throw new ControllerFailure("InvalidSpec", "spec.organization is required: it names the Quay organization"
                    + " to mirror into", true);
        }
        exchange.setProperty(QuayRequests.ORGANIZATION, organization);
    }
}
