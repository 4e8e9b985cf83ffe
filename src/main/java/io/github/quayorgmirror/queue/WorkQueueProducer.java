package io.github.quayorgmirror.queue;

import org.apache.camel.Exchange;
import org.apache.camel.NoSuchHeaderException;
import org.apache.camel.support.DefaultProducer;

/** Enqueues the key in header {@value WorkQueueConstants#KEY}. */
public class WorkQueueProducer extends DefaultProducer {

    public WorkQueueProducer(WorkQueueEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public WorkQueueEndpoint getEndpoint() {
        return (WorkQueueEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws NoSuchHeaderException {
        String key = exchange.getMessage().getHeader(WorkQueueConstants.KEY, String.class);
        if (key == null || key.isBlank()) {
            throw new NoSuchHeaderException(exchange, WorkQueueConstants.KEY, String.class);
        }
        getEndpoint().queue().add(key);
    }
}
