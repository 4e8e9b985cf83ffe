package io.github.quayorgmirror.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import io.github.quayorgmirror.quay.mapping.DesiredMirrorConfig;
import io.github.quayorgmirror.quay.mapping.SpecToQuayConfig;
import io.github.quayorgmirror.status.MirrorResource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The registry Secret: located by the connection Secret's rule, its values never left on the exchange. */
class RegistryCredentialStepsTest {

    private static final String PASSWORD = "pull-password-value";

    @Test
    void anotherNamespaceIsRefusedByTheSameRuleAsTheConnectionSecret() {
        RegistryCredentialSteps steps = new RegistryCredentialSteps(new ConnectionSteps(false));
        Exchange exchange = exchangeFor(Map.of("name", "pull", "namespace", "shared"));

        assertThatThrownBy(() -> steps.locateSecret(exchange)).isInstanceOf(ControllerFailure.class)
                .hasMessageStartingWith("spec.externalRegistrySecretRef.namespace \"shared\" differs from the"
                        + " resource's namespace \"team-a\"");
    }

    @Test
    void theSecretsValuesReplaceTheInlineOnesAndLeaveTheBody() throws Exception {
        RegistryCredentialSteps steps = new RegistryCredentialSteps(new ConnectionSteps(true));
        Exchange exchange = exchangeFor(Map.of("name", "pull"));
        steps.locateSecret(exchange);
        exchange.getIn().setBody(secret(Map.of("username", "puller", "password", PASSWORD)));

        steps.readSecret(exchange);

        DesiredMirrorConfig desired = exchange.getProperty(ReconcileProperties.DESIRED, DesiredMirrorConfig.class);
        assertThat(desired.externalRegistryUsername()).isEqualTo("puller");
        assertThat(desired.externalRegistryPassword()).isEqualTo(PASSWORD);
        assertThat(desired.registrySecretVersion()).isEqualTo("41");
        assertThat(exchange.getIn().getBody()).isNull();
    }

    @Test
    void aMissingKeyIsNamedAndTheSecretLeavesTheBodyToo() throws Exception {
        RegistryCredentialSteps steps = new RegistryCredentialSteps(new ConnectionSteps(true));
        Exchange exchange = exchangeFor(Map.of("name", "pull"));
        steps.locateSecret(exchange);
        exchange.getIn().setBody(secret(Map.of("password", PASSWORD)));

        assertThatThrownBy(() -> steps.readSecret(exchange)).isInstanceOf(ControllerFailure.class)
                .hasMessageContaining("team-a/pull").hasMessageContaining("\"username\"")
                .hasMessageNotContaining(PASSWORD);
        assertThat(exchange.getIn().getBody()).isNull();
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

    private static io.fabric8.kubernetes.api.model.Secret secret(Map<String, String> values) {
        SecretBuilder builder = new SecretBuilder().withNewMetadata().withName("pull").withNamespace("team-a")
                .withResourceVersion("41").endMetadata();
        values.forEach((key, value) -> builder.addToData(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return builder.build();
    }
}
