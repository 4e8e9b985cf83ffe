package io.github.quayorgmirror.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class EventFactoryTest {

    private final EventFactory events = new EventFactory(Clock.systemUTC(), "test-instance");

    @Test
    void theEventsCopyKeepsOnlyWhatEventsAreMadeOf() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exchange copy = new DefaultExchange(context);
            copy.setProperty(ReconcileProperties.RESOURCE, "the resource");
            copy.setProperty(ReconcileProperties.RESOURCE_KEY, "ns/name");
            copy.setProperty(ReconcileProperties.OUTCOME, "the outcome");
            copy.setProperty(ReconcileProperties.DELETING, true);
            copy.setProperty("quayConnection", "holds a token");
            copy.setProperty(ReconcileProperties.SECRET_NAME, "conn");
            copy.setProperty(ExchangePropertyKey.TO_ENDPOINT, "https://quay.example/api");
            copy.getMessage().setHeader("Authorization", "Bearer secret-token");
            copy.getMessage().setHeader("CamelHttpPath", "/api/v1");
            copy.getMessage().setBody("secret body");

            events.keepEventData(copy);

            assertThat(copy.getProperties()).containsOnlyKeys(ReconcileProperties.RESOURCE,
                    ReconcileProperties.RESOURCE_KEY, ReconcileProperties.OUTCOME, ReconcileProperties.DELETING);
            assertThat(copy.getProperty(ReconcileProperties.RESOURCE)).isEqualTo("the resource");
            assertThat(copy.getProperty(ReconcileProperties.DELETING)).isEqualTo(true);
            assertThat(copy.getProperty(ExchangePropertyKey.TO_ENDPOINT)).isNull();
            assertThat(copy.getMessage().getHeaders()).isEmpty();
            assertThat(copy.getMessage().getBody()).isNull();
        }
    }

    @Test
    void anAbsentPropertyStaysAbsent() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exchange copy = new DefaultExchange(context);
            copy.setProperty(ReconcileProperties.RESOURCE, "the resource");

            events.keepEventData(copy);

            assertThat(copy.getProperties()).containsOnlyKeys(ReconcileProperties.RESOURCE);
        }
    }
}
