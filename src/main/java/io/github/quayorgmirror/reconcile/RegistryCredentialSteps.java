package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.github.quayorgmirror.model.OrganizationMirrorSpec.ConnSecretRef;
import io.github.quayorgmirror.quay.mapping.DesiredMirrorConfig;
import io.github.quayorgmirror.status.MirrorResource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The source registry's user name and password from the Secret of {@code spec.externalRegistrySecretRef}
 * (keys {@code username} and {@code password}, as the upstream operator's newer role reads them). The
 * Secret's values replace the inline fields; its resourceVersion decides when the password is sent again.
 */
public class RegistryCredentialSteps {

    public static final String SECRET_FIELD = "spec.externalRegistrySecretRef";
    /** Namespace, name and resourceVersion of the registry Secret read on this pass. */
    public static final String SECRET_NAMESPACE = "registrySecretNamespace";
    public static final String SECRET_NAME = "registrySecretName";

    private final ConnectionSteps secretRules;

    public RegistryCredentialSteps(ConnectionSteps secretRules) {
        this.secretRules = secretRules;
    }

    public boolean referenced(Exchange exchange) {
        return MirrorResource.spec(ResourceSteps.resource(exchange)).registrySecretReferenced();
    }

    public void locateSecret(Exchange exchange) throws ControllerFailure {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        ConnSecretRef ref = MirrorResource.spec(resource).externalRegistrySecretRef();
        if (ref.name() == null || ref.name().isBlank()) {
            throw new ControllerFailure("InvalidSpec", SECRET_FIELD + ".name is required: it names the Secret that"
                    + " holds the source registry's username and password", true);
        }
        exchange.setProperty(SECRET_NAMESPACE, secretRules.namespaceOf(resource, ref, SECRET_FIELD));
        exchange.setProperty(SECRET_NAME, ref.name());
    }

    /** Reads the Secret the kubernetes-secrets producer left in the body (null when it does not exist). */
    public void readSecret(Exchange exchange) throws ControllerFailure {
        String namespace = exchange.getProperty(SECRET_NAMESPACE, String.class);
        String name = exchange.getProperty(SECRET_NAME, String.class);
        Secret secret = exchange.getIn().getBody(Secret.class);
        // the values leave the exchange before anything can fail: a failure travels on to status and Events
        exchange.getIn().setBody(null);
        if (secret == null) {
            throw ControllerFailure.registrySecretNotFound(namespace, name);
        }
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        String username = value(data, namespace, name, "username");
        String password = value(data, namespace, name, "password");
        DesiredMirrorConfig desired = exchange.getProperty(ReconcileProperties.DESIRED, DesiredMirrorConfig.class);
        exchange.setProperty(ReconcileProperties.DESIRED, desired.withRegistryCredentials(username.strip(), password,
                secret.getMetadata().getResourceVersion()));
    }

    private static String value(Map<String, String> data, String namespace, String name, String key)
            throws ControllerFailure {
        String encoded = data.get(key);
        if (encoded == null) {
            throw ControllerFailure.registrySecretKeyMissing(namespace, name, key);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ControllerFailure("InvalidRegistrySecret", "The key \"" + key + "\" of the Secret " + namespace
                    + "/" + name + " named in " + SECRET_FIELD + " is not valid base64", true);
        }
        if (decoded.isBlank()) {
            throw ControllerFailure.registrySecretKeyMissing(namespace, name, key);
        }
        return decoded;
    }
}
