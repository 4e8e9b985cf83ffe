package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import io.github.quayorgmirror.quay.ConnectionSecretParser;
import io.github.quayorgmirror.quay.QuayCalls;
import io.github.quayorgmirror.quay.QuayConnection;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.secret.SecretRef;
import io.github.quayorgmirror.secret.SecretSnapshot;
import org.apache.camel.Exchange;

/**
 * Reconcile steps that find the Quay connection: which Secret, whether the resource may use it, and what it
 * says. The Secret comes from the referenced-Secret cache as a stripped snapshot: no Secret object, annotation
 * or unrelated value ever enters the exchange.
 */
public class ConnectionSteps {

    static final String CONNECTION_SECRET_FIELD = "spec.connSecretRef";
    static final ConditionReason CLEARTEXT = ConditionReason.CleartextConnection;

    private final SecretAccess secrets;
    private final KnownConnections knownConnections;

    public ConnectionSteps(SecretAccess secrets, KnownConnections knownConnections) {
        this.secrets = secrets;
        this.knownConnections = knownConnections;
    }

    /** Sets the Secret's namespace and name; {@code connSecretRef.namespace} defaults to the resource's. */
    public void locateSecret(Exchange exchange) throws ControllerFailure {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        OrganizationMirrorSpec.ConnSecretRef ref = MirrorResource.spec(resource).connSecretRef();
        if (ref == null || ref.name() == null || ref.name().isBlank()) {
            throw new ControllerFailure(ConditionReason.InvalidSpec, "spec.connSecretRef.name is required: it names the Secret that"
                    + " holds the Quay connection (host, token or username/password)", true);
        }
        exchange.setProperty(ReconcileProperties.SECRET_NAMESPACE, ref.namespaceOr(resource.getMetadata().getNamespace()));
        exchange.setProperty(ReconcileProperties.SECRET_NAME, ref.name());
    }

    /** The connection from the Secret, if the resource may use it. */
    public void readSecret(Exchange exchange) throws Exception {
        SecretRef ref = new SecretRef(exchange.getProperty(ReconcileProperties.SECRET_NAMESPACE, String.class),
                exchange.getProperty(ReconcileProperties.SECRET_NAME, String.class));
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        SecretSnapshot secret = secrets.read(resource.getMetadata().getNamespace(), CONNECTION_SECRET_FIELD, ref);
        if (!secret.exists()) {
            throw ControllerFailure.secretNotFound(ref.namespace(), ref.name());
        }
        String key = ref.toString();
        // parsed once per version of the Secret
        QuayConnection connection = knownConnections.parsedFrom(key, secret);
        if (connection == null) {
            connection = ConnectionSecretParser.parse(key, secret.data());
            knownConnections.remember(key, secret, connection);
        }
        exchange.setProperty(QuayCalls.CONNECTION, connection);
        exchange.setProperty(ReconcileProperties.SECRET_VERSION, secret.resourceVersion());
        if ("http".equals(connection.baseUri().getScheme())) {
            warnCleartext(exchange, ref, connection);
        }
    }

    /** Still works (the Ansible operator allowed it), but the status says so, and a Warning Event once. */
    private static void warnCleartext(Exchange exchange, SecretRef ref, QuayConnection connection) {
        ResourceSteps.outcome(exchange).caveat(CLEARTEXT, "Warning: the host of connection Secret " + ref
                + " is an http:// URL, so the " + connection.credentials().kind() + " travels to Quay in cleartext;"
                + " use https://");
    }

    /**
     * Before the integrators' extension routes: the connection (token or password) and the desired configuration
     * (registry password) leave the exchange, so no extension can read or forward them.
     */
    public void forgetCredentials(Exchange exchange) {
        exchange.removeProperty(QuayCalls.CONNECTION);
        exchange.removeProperty(ReconcileProperties.DESIRED);
    }

    /** The organization path segment for the Quay calls. */
    public void targetOrganization(Exchange exchange) throws ControllerFailure {
        requireOrganization(exchange);
    }

    static void requireOrganization(Exchange exchange) throws ControllerFailure {
        String organization = MirrorResource.spec(ResourceSteps.resource(exchange)).organization();
        if (organization == null || organization.isBlank()) {
            throw new ControllerFailure(ConditionReason.InvalidSpec, "spec.organization is required: it names the Quay organization"
                    + " to mirror into", true);
        }
        exchange.setProperty(QuayCalls.ORGANIZATION, organization);
    }
}
