package io.github.quayorgmirror.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.queue.WorkQueueConstants;
import io.github.quayorgmirror.resource.OwnWrites;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ResourceStepsTest {

    /**
     * The first list's own ADDED events can start passes a moment before the informer says it has synced (fabric8
     * hands each listed object to the handlers as it stores it). Such a pass looks again at once, not a second later.
     */
    @Test
    void aPassBeforeTheFirstListEndsLooksAgainWithinATenthOfASecond() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ResourceSteps steps = new ResourceSteps(() -> null, null, new OwnWrites());
            Exchange exchange = new DefaultExchange(context);
            exchange.getIn().setBody("default/full");

            steps.load(exchange);

            assertThat(exchange.getProperty(WorkQueueConstants.REQUEUE_AFTER)).isEqualTo(Duration.ofMillis(100));
            assertThat(exchange.getProperty(ReconcileProperties.RESOURCE)).isNull();
            assertThat(exchange.getProperty(ReconcileProperties.RESOURCE_KEY)).isEqualTo("default/full");
        }
    }
}
