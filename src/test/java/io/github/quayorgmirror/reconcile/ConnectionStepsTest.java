package io.github.quayorgmirror.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.github.quayorgmirror.quay.ConnectionSecretException;
import io.github.quayorgmirror.quay.QuayRequests;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The Secret the producer read never stays on the exchange, whether it could be used or not. */
class ConnectionStepsTest {

    private static final String TOKEN = "tokenvalue0123456789";

    private final ConnectionSteps steps = new ConnectionSteps(true, new KnownConnections(secret -> java.util.List.of()));

    @Test
    void aUsableSecretBecomesAConnectionAndLeavesTheBody() throws Exception {
        Exchange exchange = exchangeWith(secret(Map.of("host", "quay.example.com", "token", TOKEN)));

        steps.readSecret(exchange);

        assertThat(exchange.getIn().getBody()).isNull();
        assertThat(exchange.getProperty(QuayRequests.CONNECTION)).isNotNull();
    }

    @Test
    void aMalformedSecretLeavesTheBodyToo() {
        Exchange exchange = exchangeWith(secret(Map.of("host", "quay.example.com", "token", TOKEN, "timeout", "soon")));

        assertThatThrownBy(() -> steps.readSecret(exchange)).isInstanceOf(ConnectionSecretException.class)
                .hasMessageNotContaining(TOKEN);
        assertThat(exchange.getIn().getBody()).as("the failure goes on to the status, Events, on-failure route").isNull();
    }

    private static Exchange exchangeWith(Secret secret) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ReconcileProperties.SECRET_NAMESPACE, "team-a");
        exchange.setProperty(ReconcileProperties.SECRET_NAME, "quay-credentials-secret");
        exchange.getIn().setBody(secret);
        return exchange;
    }

    private static Secret secret(Map<String, String> values) {
        SecretBuilder builder = new SecretBuilder().withNewMetadata().withName("quay-credentials-secret")
                .withNamespace("team-a").withResourceVersion("7").endMetadata();
        values.forEach((key, value) -> builder.addToData(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return builder.build();
    }
}
