package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watcher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Records what reached a route from a kubernetes-informer consumer. */
final class EventLog implements Processor {

    record Event(String namespace, String name, String change, Watcher.Action action, long timestamp,
            GenericKubernetesResource body, GenericKubernetesResource previous) {

        String key() {
            return namespace + "/" + name + " " + change;
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        events.add(new Event(message.getHeader(InformerHeaders.NAMESPACE, String.class),
                message.getHeader(InformerHeaders.NAME, String.class),
                message.getHeader(InformerHeaders.CHANGE, String.class),
                message.getHeader(InformerHeaders.ACTION, Watcher.Action.class),
                message.getHeader(InformerHeaders.TIMESTAMP, Long.class),
                message.getBody(GenericKubernetesResource.class),
                message.getHeader(InformerHeaders.PREVIOUS, GenericKubernetesResource.class)));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** "namespace/name CHANGE" of every event, in order. */
    List<String> keys() {
        return events.stream().map(Event::key).toList();
    }

    List<String> keysFor(String namespace, String name) {
        return events.stream().filter(event -> namespace.equals(event.namespace()) && name.equals(event.name()))
                .map(Event::change).toList();
    }

    long count(String key) {
        return keys().stream().filter(key::equals).count();
    }
}
