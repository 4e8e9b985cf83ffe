package io.github.quayorgmirror.observe;

import io.github.quayorgmirror.informer.InformerHealthCheck;
import io.github.quayorgmirror.leader.LeaderElection;
import io.github.quayorgmirror.queue.KeyedWorkQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The controller's own meters (docs/design.md, "Metrics names"); Camel's route meters come from
 * camel-micrometer. Labels stay low-cardinality: never a resource name, never a secret.
 */
public class ControllerMetrics extends ServiceSupport {

    /** Counted by the deletion: {@code orgmirror_orphaned_total}. */
    public static final String ORPHANED = "orgmirror.orphaned";

    private final CamelContext context;
    private final MeterRegistry registry;
    private final Supplier<KeyedWorkQueue> queue;
    private final ResourceCensus census;
    private final LeaderElection leaderElection;
    private final List<String> informers;

    public ControllerMetrics(CamelContext context, MeterRegistry registry, Supplier<KeyedWorkQueue> queue,
            ResourceCensus census, LeaderElection leaderElection, List<String> informers) {
        this.context = context;
        this.registry = registry;
        this.queue = queue;
        this.census = census;
        this.leaderElection = leaderElection;
        this.informers = informers;
    }

    @Override
    protected void doStart() {
        Gauge.builder("orgmirror.workqueue.depth", () -> queue.get().depth())
                .description("Resources waiting for a reconcile").register(registry);
        Timer waits = Timer.builder("orgmirror.workqueue.wait")
                .description("Time from enqueue to the start of the reconcile").register(registry);
        queue.get().setWaitTimeListener(waits::record);
        for (String ready : List.of("true", "false", "unknown")) {
            Gauge.builder("orgmirror.resources", () -> readyCount(ready)).tag("ready", ready)
                    .description("Managed OrganizationMirrors by their Ready condition").register(registry);
        }
        Counter.builder(ORPHANED).description("Deleted mirrors whose configuration was left in Quay (connection"
                + " Secret gone with its namespace)").register(registry);
        Gauge.builder("orgmirror.leader", () -> leaderElection.isLeader() ? 1 : 0)
                .description("1 when this instance reconciles (holds the lease)").register(registry);
        for (String informer : informers) {
            Gauge.builder("orgmirror.informer.healthy", () -> healthy("informer-" + informer) ? 1 : 0)
                    .tag("informer", informer).description("1 when the informer has synced and is watching")
                    .register(registry);
        }
    }

    @Override
    protected void doStop() {
        // meters live as long as the registry; nothing to release
    }

    private int readyCount(String ready) {
        ResourceCensus.Counts counts = census.count();
        return switch (ready) {
            case "true" -> counts.ready();
            case "false" -> counts.notReady();
            default -> counts.unknown();
        };
    }

    private boolean healthy(String checkId) {
        HealthCheckRegistry checks = HealthCheckRegistry.get(context);
        // read, not invoked: a scrape must not count as a health-check call
        return checks != null && checks.getCheck(checkId).filter(InformerHealthCheck.class::isInstance)
                .map(check -> ((InformerHealthCheck) check).isHealthy()).orElse(false);
    }
}
