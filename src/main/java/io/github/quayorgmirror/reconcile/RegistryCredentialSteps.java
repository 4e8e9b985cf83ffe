package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.model.OrganizationMirrorSpec.ConnSecretRef;
import io.github.quayorgmirror.quay.mapping.DesiredMirrorConfig;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.secret.SecretRef;
import io.github.quayorgmirror.secret.SecretSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The source registry's user name and password from the Secret of {@code spec.externalRegistrySecretRef}
 * (keys {@code username} and {@code password}, as the upstream operator's newer role reads them). The
 * Secret's values replace the inline fields; its resourceVersion decides when the password is sent again.
 * It is read like the connection Secret: from the referenced-Secret cache, under the same cross-namespace rule.
 */
public class RegistryCredentialSteps {

    public static final String SECRET_FIELD = "spec.externalRegistrySecretRef";

    private final SecretAccess secrets;

    public RegistryCredentialSteps(SecretAccess secrets) {
        this.secrets = secrets;
    }

    public boolean referenced(Exchange exchange) {
        return MirrorResource.spec(ResourceSteps.resource(exchange)).registrySecretReferenced();
    }

    /** The credentials from the Secret replace the inline ones in the desired configuration. */
    public void readSecret(Exchange exchange) throws ControllerFailure {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        String ownNamespace = resource.getMetadata().getNamespace();
        ConnSecretRef named = MirrorResource.spec(resource).externalRegistrySecretRef();
        if (named.name() == null || named.name().isBlank()) {
            throw new ControllerFailure(ConditionReason.InvalidSpec, SECRET_FIELD + ".name is required: it names the Secret that"
                    + " holds the source registry's username and password", true);
        }
        SecretRef ref = new SecretRef(named.namespaceOr(ownNamespace), named.name());
        SecretSnapshot secret = secrets.read(ownNamespace, SECRET_FIELD, ref);
        if (!secret.exists()) {
            throw ControllerFailure.registrySecretNotFound(ref.namespace(), ref.name());
        }
        String username = value(secret.data(), ref, "username");
        String password = value(secret.data(), ref, "password");
        DesiredMirrorConfig desired = exchange.getProperty(ReconcileProperties.DESIRED, DesiredMirrorConfig.class);
        exchange.setProperty(ReconcileProperties.DESIRED, desired.withRegistryCredentials(username.strip(), password,
                secret.resourceVersion()));
    }

    private static String value(Map<String, String> data, SecretRef ref, String key) throws ControllerFailure {
        String encoded = data.get(key);
        if (encoded == null) {
            throw ControllerFailure.registrySecretKeyMissing(ref.namespace(), ref.name(), key);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ControllerFailure(ConditionReason.InvalidRegistrySecret, "The key \"" + key + "\" of the Secret " + ref
                    + " named in " + SECRET_FIELD + " is not valid base64", true);
        }
        if (decoded.isBlank()) {
            throw ControllerFailure.registrySecretKeyMissing(ref.namespace(), ref.name(), key);
        }
        if (decoded.endsWith("\n") || decoded.endsWith("\r")) {
            // Quay would store it as given and every sync would fail to sign in to the source registry
            throw new ControllerFailure(ConditionReason.InvalidRegistrySecret, "The key \"" + key + "\" of the Secret "
                    + ref + " named in " + SECRET_FIELD + " ends with a line break (written with echo without -n?);"
                    + " store the value without it", true);
        }
        return decoded;
    }
}
