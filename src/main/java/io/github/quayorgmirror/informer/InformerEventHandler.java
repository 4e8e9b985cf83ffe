package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns informer callbacks into exchanges, processed one at a time on the informer's thread
 * (the route is expected to only enqueue). A failing exchange goes to the consumer's
 * ExceptionHandler and does not stop later events.
 */
final class InformerEventHandler implements ResourceEventHandler<GenericKubernetesResource> {

    private static final Logger LOG = LoggerFactory.getLogger(InformerEventHandler.class);

    private final DefaultConsumer consumer;
    private final Function<GenericKubernetesResource, GenericKubernetesResource> copier;

    InformerEventHandler(DefaultConsumer consumer, Function<GenericKubernetesResource, GenericKubernetesResource> copier) {
        this.consumer = consumer;
        this.copier = copier;
    }

    @Override
    public void onAdd(GenericKubernetesResource resource) {
        emit(resource, Watcher.Action.ADDED, InformerChange.ADDED, null);
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
        InformerChange change = InformerChange.ofUpdate(before, after);
        emit(after, Watcher.Action.MODIFIED, change, change == InformerChange.SPEC_CHANGED ? before : null);
    }

    @Override
    public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
        emit(resource, Watcher.Action.DELETED, InformerChange.DELETED, null);
    }

    /**
     * A Secret's values (its data, and its annotations, which may repeat them) never travel in an exchange: routes only need to know which Secret changed, and
     * an integrator's log step or Camel's tracing must not be able to print them.
     */
    static GenericKubernetesResource withoutSecretData(GenericKubernetesResource resource) {
        if ("Secret".equals(resource.getKind())) {
            resource.getAdditionalProperties().remove("data");
            resource.getAdditionalProperties().remove("stringData");
            // kubectl's last-applied-configuration annotation repeats every value
            resource.getMetadata().setAnnotations(null);
        }
        return resource;
    }

    private void emit(GenericKubernetesResource resource, Watcher.Action action, InformerChange change,
            GenericKubernetesResource previous) {
        if (!consumer.isRunAllowed()) {
            return;
        }
        String namespace = resource.getMetadata().getNamespace();
        String name = resource.getMetadata().getName();
        LOG.debug("Informer event: namespace={} name={} change={}", namespace, name, change);
        Exchange exchange = consumer.createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(withoutSecretData(copier.apply(resource)));
            message.setHeader(InformerHeaders.ACTION, action);
            message.setHeader(InformerHeaders.TIMESTAMP, System.currentTimeMillis());
            message.setHeader(InformerHeaders.NAMESPACE, namespace);
            message.setHeader(InformerHeaders.NAME, name);
            message.setHeader(InformerHeaders.CHANGE, change.name());
            if (previous != null) {
                message.setHeader(InformerHeaders.PREVIOUS, withoutSecretData(copier.apply(previous)));
            }
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            consumer.getExceptionHandler().handleException(
                    "Failed to process informer event for " + namespace + "/" + name, exchange, exchange.getException());
        }
        consumer.releaseExchange(exchange, false);
    }
}
