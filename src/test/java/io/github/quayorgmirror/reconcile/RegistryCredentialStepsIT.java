package io.github.quayorgmirror.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import io.github.quayorgmirror.quay.ConnectionSecretParser;
import io.github.quayorgmirror.quay.mapping.DesiredMirrorConfig;
import io.github.quayorgmirror.quay.mapping.SpecToQuayConfig;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.secret.ReferencedSecretCache;
import io.github.quayorgmirror.secret.SecretSnapshot;
import io.github.quayorgmirror.testing.MockKubernetes;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry Secret is read like the connection Secret: from the referenced-Secret cache, under the same
 * cross-namespace rule, and its values replace the inline ones without ever sitting on the message.
 */
class RegistryCredentialStepsIT {

    private static final String PASSWORD = "pull-password-value";

    private MockKubernetes kube;
    private KubernetesClient client;
    private ReferencedSecretCache cache;

    @BeforeEach
    void start() throws Exception {
        kube = MockKubernetes.start();
        client = kube.newClient("registry-credential-steps-test");
        cache = new ReferencedSecretCache(client, ConnectionSecretParser.KEYS);
        cache.start();
    }

    @AfterEach
    void stop() {
        cache.stop();
        client.close();
        kube.close();
    }

    @Test
    void anotherNamespaceIsRefusedByTheSameRuleAsTheConnectionSecret() {
        kube.createSecret("shared", "pull", Map.of("username", "puller", "password", PASSWORD));
        RegistryCredentialSteps steps = new RegistryCredentialSteps(new SecretAccess(cache, false));
        Exchange exchange = exchangeFor(Map.of("name", "pull", "namespace", "shared"));

        assertThatThrownBy(() -> steps.readSecret(exchange)).isInstanceOf(ControllerFailure.class)
                .hasMessageStartingWith("spec.externalRegistrySecretRef names the Secret shared/pull")
                .hasMessageContaining(SecretSnapshot.ALLOWED_NAMESPACES).hasMessageNotContaining(PASSWORD);
        assertThat(exchange.getProperty(ReconcileProperties.DESIRED, DesiredMirrorConfig.class)
                .externalRegistryPassword()).isEqualTo("inline-password");
    }

    @Test
    void anotherNamespaceIsUsedWhenTheSecretsOwnerAllowsIt() throws Exception {
        kube.client().secrets().inNamespace("shared").resource(kube.createSecret("shared", "pull",
                Map.of("username", "puller", "password", PASSWORD))).edit(secret -> {
                    secret.getMetadata().setAnnotations(Map.of(SecretSnapshot.ALLOWED_NAMESPACES, "team-a"));
                    return secret;
                });
        RegistryCredentialSteps steps = new RegistryCredentialSteps(new SecretAccess(cache, false));
        Exchange exchange = exchangeFor(Map.of("name", "pull", "namespace", "shared"));

        steps.readSecret(exchange);

        assertThat(exchange.getProperty(ReconcileProperties.DESIRED, DesiredMirrorConfig.class)
                .externalRegistryUsername()).isEqualTo("puller");
    }

    @Test
    void theSecretsValuesReplaceTheInlineOnesAndNeverReachTheMessage() throws Exception {
        String version = kube.createSecret("team-a", "pull", Map.of("username", "puller", "password", PASSWORD))
                .getMetadata().getResourceVersion();
        RegistryCredentialSteps steps = new RegistryCredentialSteps(new SecretAccess(cache, false));
        Exchange exchange = exchangeFor(Map.of("name", "pull"));

        steps.readSecret(exchange);

        DesiredMirrorConfig desired = exchange.getProperty(ReconcileProperties.DESIRED, DesiredMirrorConfig.class);
        assertThat(desired.externalRegistryUsername()).isEqualTo("puller");
        assertThat(desired.externalRegistryPassword()).isEqualTo(PASSWORD);
        assertThat(desired.registrySecretVersion()).isEqualTo(version);
        assertThat(exchange.getIn().getBody()).isNull();
        assertThat(exchange.getIn().getHeaders().toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aMissingSecretOrKeyIsNamedWithoutItsValues() {
        RegistryCredentialSteps steps = new RegistryCredentialSteps(new SecretAccess(cache, false));

        assertThatThrownBy(() -> steps.readSecret(exchangeFor(Map.of("name", "pull"))))
                .isInstanceOf(ControllerFailure.class).hasMessageContaining("team-a/pull")
                .hasMessageContaining("does not exist");

        kube.createSecret("team-a", "pull2", Map.of("password", PASSWORD));
        assertThatThrownBy(() -> steps.readSecret(exchangeFor(Map.of("name", "pull2"))))
                .isInstanceOf(ControllerFailure.class).hasMessageContaining("team-a/pull2")
                .hasMessageContaining("\"username\"").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aPasswordEndingInALineBreakIsRefusedNamingTheKey() {
        kube.createSecret("team-a", "pull", Map.of("username", "puller", "password", PASSWORD + "\n"));
        RegistryCredentialSteps steps = new RegistryCredentialSteps(new SecretAccess(cache, false));

        assertThatThrownBy(() -> steps.readSecret(exchangeFor(Map.of("name", "pull"))))
                .isInstanceOf(ControllerFailure.class).hasMessageContaining("\"password\" of the Secret team-a/pull")
                .hasMessageContaining("line break").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aNameThatIsNoObjectNameIsRefusedBeforeAnyRequest() {
        kube.createSecret("team-b", "pull", Map.of("username", "puller", "password", PASSWORD));
        RegistryCredentialSteps steps = new RegistryCredentialSteps(new SecretAccess(cache, false));

        assertThatThrownBy(() -> steps.readSecret(exchangeFor(Map.of("name", "../../team-b/secrets/pull"))))
                .isInstanceOf(ControllerFailure.class)
                .hasMessageStartingWith("spec.externalRegistrySecretRef.name \"../../team-b/secrets/pull\" is not a Secret name");
        assertThatThrownBy(() -> steps.readSecret(exchangeFor(Map.of("name", "pull", "namespace", "Team B"))))
                .isInstanceOf(ControllerFailure.class)
                .hasMessageStartingWith("spec.externalRegistrySecretRef.namespace \"Team B\" is not a namespace name");
        assertThat(cache.size()).as("nothing was asked of the API server, nothing held").isZero();
    }

    private static Exchange exchangeFor(Map<String, String> secretRef) {
        GenericKubernetesResource mirror = new GenericKubernetesResource();
        mirror.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("m").build());
        mirror.setAdditionalProperty("spec", Map.of("connSecretRef", Map.of("name", "quay"),
                "organization", "org", "externalRegistryUsername", "inline-user",
                "externalRegistryPassword", "inline-password", "externalRegistrySecretRef", secretRef));
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ReconcileProperties.RESOURCE, mirror);
        OrganizationMirrorSpec spec = MirrorResource.spec(mirror);
        try {
            exchange.setProperty(ReconcileProperties.DESIRED, SpecToQuayConfig.toDesired(spec));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return exchange;
    }
}
