package io.github.quayorgmirror.queue;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One name of the {@code workqueue:} component; the queue itself lives in the component. */
public class WorkQueueEndpoint extends DefaultEndpoint {

    private final String queueName;
    private final int parallelism;

    WorkQueueEndpoint(String uri, WorkQueueComponent component, String queueName, int parallelism) {
        super(uri, component);
        this.queueName = queueName;
        this.parallelism = parallelism;
    }

    @Override
    public Producer createProducer() {
        return new WorkQueueProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        WorkQueueConsumer consumer = new WorkQueueConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public WorkQueueComponent getComponent() {
        return (WorkQueueComponent) super.getComponent();
    }

    public KeyedWorkQueue queue() {
        return getComponent().queue(queueName);
    }

    public String getQueueName() {
        return queueName;
    }

    public int getParallelism() {
        return parallelism;
    }
}
