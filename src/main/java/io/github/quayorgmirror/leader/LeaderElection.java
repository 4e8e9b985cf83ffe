package io.github.quayorgmirror.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes that name this policy run only on the instance holding the Kubernetes Lease. The others keep
 * their informers and caches warm and stay ready, so a takeover starts work at once. fabric8's
 * LeaderElector is used rather than camel-kubernetes' cluster service because that one lets only
 * Ready pods found by label lead (docs/operations.md, "Leader election").
 */
public class LeaderElection extends RoutePolicySupport implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private final LeaseSettings settings;
    private final KubernetesClient client;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Runnable> onLeading = new CopyOnWriteArrayList<>();
    private final LeadershipFence fence;
    private final AtomicInteger passesRunning = new AtomicInteger();
    private volatile boolean leading;
    private volatile CompletableFuture<?> election;
    private volatile LeaderElector elector;
    private CamelContext camelContext;
    private ScheduledExecutorService executor;

    public LeaderElection(LeaseSettings settings, KubernetesClient client) {
        this.settings = settings;
        this.client = client;
        this.fence = LeadershipFence.of(settings);
    }

    /** Checked right before every write to Quay or to an OrganizationMirror. */
    public LeadershipFence fence() {
        return fence;
    }

    /** Without election this instance is the only one, and leads. */
    public boolean isLeader() {
        return !settings.enabled() || leading;
    }

    public LeaseSettings settings() {
        return settings;
    }

    /** Runs after this instance became leader and started its routes (e.g. to requeue every resource). */
    public void whenLeading(Runnable action) {
        onLeading.add(action);
    }

    @Override
    public void onInit(Route route) {
        if (settings.enabled()) {
            route.setAutoStartup(false);
            routes.add(route);
        }
    }

    /** An exchange that begins after leadership was lost does nothing: the next leader handles its key. */
    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        passesRunning.incrementAndGet();
        if (settings.enabled() && (!leading || !fence.valid())) {
            exchange.setRouteStop(true);
        }
    }

    /** Counted here, not from Camel's inflight registry: a pass forced past the shutdown timeout still runs. */
    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        passesRunning.decrementAndGet();
    }

    @Override
    protected void doStart() throws Exception {
        if (settings.enabled() && election == null) {
            // One thread for campaigning and for starting and stopping routes, in the order leadership changed.
            executor = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "leader-election");
            // Routes cannot be started while the context itself is still starting: campaign afterwards.
            camelContext.addStartupListener(new StartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                    if (alreadyStarted) {
                        executor.submit(LeaderElection.this::campaign);
                    }
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                    executor.submit(LeaderElection.this::campaign);
                }
            });
        }
    }

    /**
     * Camel has stopped the routes (waiting up to its shutdown timeout). No write is allowed from here on; the Lease
     * is released only once no pass is left in flight, so that the next leader never overlaps with a pass of ours
     * still hanging on a Quay call. If one is left, the Lease is not released and simply expires.
     */
    @Override
    protected void doStop() throws Exception {
        leading = false;
        fence.revoke();
        CompletableFuture<?> running = election;
        LeaderElector releasing = elector;
        election = null;
        elector = null;
        if (running != null) {
            running.cancel(true);
        }
        if (releasing != null) {
            if (passesInFlight() == 0) {
                releaseLease(releasing);
            } else {
                LOG.warn("Not releasing the leader Lease: {} passes are still running; it expires in {}",
                        passesInFlight(), settings.leaseDuration());
            }
        }
        if (executor != null) {
            camelContext.getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
    }

    private int passesInFlight() {
        return passesRunning.get();
    }

    private void releaseLease(LeaderElector releasing) {
        try {
            if (releasing.release()) {
                LOG.info("Released the leader Lease {}/{}", settings.namespace(), settings.leaseName());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not release the leader Lease, it expires in {} cause={}", settings.leaseDuration(),
                    e.getMessage());
        }
    }

    /** Runs on the election thread only; one elector at a time (two with one identity fight over the Lease). */
    private void campaign() {
        CompletableFuture<?> current = election;
        if (!isRunAllowed() || current != null && !current.isDone()) {
            return;
        }
        LOG.info("Campaigning for leadership lease={}/{} identity={}", settings.namespace(), settings.leaseName(),
                settings.identity());
        try {
            // released by doStop once the passes are over, never by cancelling the election
            LeaderElector built = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                    .withName(settings.leaseName())
                    .withLock(new FencingLock(new LeaseLock(settings.namespace(), settings.leaseName(),
                            settings.identity()), fence, System::nanoTime))
                    .withLeaseDuration(settings.leaseDuration())
                    .withRenewDeadline(settings.renewDeadline())
                    .withRetryPeriod(settings.retryPeriod())
                    .withReleaseOnCancel(false)
                    .withLeaderCallbacks(new LeaderCallbacks(this::startLeading, this::stopLeading,
                            leader -> LOG.info("Leader is now identity={}", leader)))
                    .build()).build();
            CompletableFuture<?> started = built.start();
            elector = built;
            election = started;
            started.whenComplete((ignored, error) -> {
                if (election == started && isRunAllowed()) {
                    executor.submit(this::campaign);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not campaign for leadership, trying again in {} cause={}", settings.retryPeriod(),
                    e.getMessage());
            executor.schedule(this::campaign, settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void startLeading() {
        leading = true;
        executor.submit(() -> {
            if (!leading) {
                return; // lost again before the routes could start
            }
            LOG.info("Leading: starting routes {}", routes.stream().map(Route::getRouteId).toList());
            for (Route route : routes) {
                try {
                    camelContext.getRouteController().startRoute(route.getRouteId());
                } catch (Exception e) {
                    LOG.error("Could not start route={} cause={}", route.getRouteId(), e.getMessage(), e);
                }
            }
            onLeading.forEach(Runnable::run);
        });
    }

    private void stopLeading() {
        leading = false;
        fence.revoke();
        executor.submit(() -> {
            LOG.info("Leadership lost: stopping routes {}", routes.stream().map(Route::getRouteId).toList());
            // Another replica may take the Lease once it expires: stop before that, whatever is in flight.
            long grace = Math.max(1, settings.leaseDuration().minus(settings.renewDeadline()).toSeconds());
            for (Route route : routes) {
                try {
                    camelContext.getRouteController().stopRoute(route.getRouteId(), grace, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.warn("Could not stop route={} cause={}", route.getRouteId(), e.getMessage());
                }
            }
        });
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
