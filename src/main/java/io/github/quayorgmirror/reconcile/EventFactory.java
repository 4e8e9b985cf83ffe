package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.MicroTimeBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.ReconcileOutcome;
import io.github.quayorgmirror.status.ReconcileOutcome.Note;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Prepares one Kubernetes Event (events.k8s.io/v1) about the resource for camel-kubernetes'
 * {@code kubernetes-events} producer: the body is the EventBuilder, the headers name and place it.
 */
public class EventFactory {

    /** The executor of the wireTap that publishes a pass's Events (routes/status.camel.yaml). */
    public static final String PUBLISHER = "orgmirrorEvents";
    static final String REPORTING_CONTROLLER = "quay.herve4m.github.io/quay-orgmirror-controller";
    private static final int NOTE_LIMIT = 1024;
    private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private final Clock clock;
    private final String instance;

    public EventFactory(Clock clock, String instance) {
        this.clock = clock;
        this.instance = instance;
    }

    /**
     * What the pass has to say, one Event each (the split of {@code orgmirror-write-status}). A bean method, not
     * {@code ${exchangeProperty.reconcileOutcome.notes()}}: Camel's simple language introspects the object's class
     * anew on each such evaluation.
     */
    public List<Note> notes(Exchange exchange) {
        ReconcileOutcome outcome = exchange.getProperty(ReconcileProperties.OUTCOME, ReconcileOutcome.class);
        return outcome == null ? List.of() : outcome.notes();
    }

    /**
     * One thread, so that the Events of a resource keep their order; a full queue (1,000) makes the pass write its
     * Events itself rather than drop them. Made by Camel's manager, which shuts it down with the context.
     */
    public static ExecutorService publisher(CamelContext context) {
        return context.getExecutorServiceManager().newThreadPool(EventFactory.class, "OrganizationMirrorEvents",
                new ThreadPoolProfileBuilder(PUBLISHER).poolSize(1).maxPoolSize(1).maxQueueSize(1000)
                        .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }

    /** Whether the pass has a resource to write Events about, and something to say. */
    public boolean hasEvents(Exchange exchange) {
        return exchange.getProperty(ReconcileProperties.RESOURCE) != null && !notes(exchange).isEmpty();
    }

    /**
     * The copy of the pass that publishes its Events keeps only what they are made of: the resource, its key, the
     * outcome and whether it is being deleted. No connection (credentials), no header, no body: it outlives the pass.
     */
    public void keepEventData(Exchange copy) {
        Object resource = copy.getProperty(ReconcileProperties.RESOURCE);
        Object resourceKey = copy.getProperty(ReconcileProperties.RESOURCE_KEY);
        Object outcome = copy.getProperty(ReconcileProperties.OUTCOME);
        Object deleting = copy.getProperty(ReconcileProperties.DELETING);
        // Camel clears every property at once only without exclusions; with them, it matches each of its ~50
        // internal keys against each exclusion, compiling a regular expression per check (docs/benchmark.md)
        copy.removeProperties("*", (String[]) null);
        copy.setProperty(ReconcileProperties.RESOURCE, resource);
        copy.setProperty(ReconcileProperties.RESOURCE_KEY, resourceKey);
        copy.setProperty(ReconcileProperties.OUTCOME, outcome);
        copy.setProperty(ReconcileProperties.DELETING, deleting);
        copy.getMessage().removeHeaders("*");
        copy.getMessage().setBody(null);
    }

    public void prepare(Exchange exchange) {
        Note note = exchange.getIn().getBody(Note.class);
        GenericKubernetesResource resource = exchange.getProperty(ReconcileProperties.RESOURCE,
                GenericKubernetesResource.class);
        String now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .format(MICRO_TIME);
        EventBuilder event = new EventBuilder()
                .withEventTime(new MicroTimeBuilder().withTime(now).build())
                .withType(note.type())
                .withReason(note.reason().name())
                .withAction(Boolean.TRUE.equals(exchange.getProperty(ReconcileProperties.DELETING)) ? "Finalize" : "Reconcile")
                .withNote(note.message().length() > NOTE_LIMIT ? note.message().substring(0, NOTE_LIMIT) : note.message())
                .withReportingController(REPORTING_CONTROLLER)
                .withReportingInstance(instance)
                .withRegarding(new ObjectReferenceBuilder()
                        .withApiVersion(MirrorResource.API_VERSION).withKind(MirrorResource.KIND)
                        .withNamespace(resource.getMetadata().getNamespace()).withName(resource.getMetadata().getName())
                        .withUid(resource.getMetadata().getUid())
                        .withResourceVersion(resource.getMetadata().getResourceVersion()).build());
        exchange.getIn().setBody(event);
        exchange.getIn().setHeader("CamelKubernetesNamespaceName", resource.getMetadata().getNamespace());
        exchange.getIn().setHeader("CamelKubernetesEventName", resource.getMetadata().getName() + "."
                + Long.toHexString(clock.millis()) + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000)));
    }
}
