package io.github.quayorgmirror;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.leader.LeaderElection;
import io.github.quayorgmirror.leader.LeadershipFence;
import io.github.quayorgmirror.leader.LeaseSettings;
import io.github.quayorgmirror.observe.ControllerMetrics;
import io.github.quayorgmirror.observe.ControllerStatus;
import io.github.quayorgmirror.observe.ReconcileMetrics;
import io.github.quayorgmirror.observe.ReleaseMBeansWhenReady;
import io.github.quayorgmirror.observe.ResourceCensus;
import io.github.quayorgmirror.quay.ConnectionSecretParser;
import io.github.quayorgmirror.quay.QuaySessionStore;
import io.github.quayorgmirror.queue.KeyedWorkQueue;
import io.github.quayorgmirror.queue.WorkQueueComponent;
import io.github.quayorgmirror.queue.WorkQueueConstants;
import io.github.quayorgmirror.reconcile.ConnectionSteps;
import io.github.quayorgmirror.reconcile.DeletionSteps;
import io.github.quayorgmirror.reconcile.EventFactory;
import io.github.quayorgmirror.reconcile.ForceSyncSteps;
import io.github.quayorgmirror.reconcile.KnownConnections;
import io.github.quayorgmirror.reconcile.MirrorConfigSteps;
import io.github.quayorgmirror.reconcile.OutcomeSteps;
import io.github.quayorgmirror.reconcile.QuayCapabilitySteps;
import io.github.quayorgmirror.reconcile.QueuedQuayHosts;
import io.github.quayorgmirror.reconcile.ReconcileConditions;
import io.github.quayorgmirror.reconcile.RegistryCredentialSteps;
import io.github.quayorgmirror.reconcile.RegistryVerificationSteps;
import io.github.quayorgmirror.reconcile.ResourceSteps;
import io.github.quayorgmirror.reconcile.SecretAccess;
import io.github.quayorgmirror.reconcile.SecretReferences;
import io.github.quayorgmirror.reconcile.SyncRequestSteps;
import io.github.quayorgmirror.reconcile.UnusedSessions;
import io.github.quayorgmirror.resource.Finalizers;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.resource.OwnWrites;
import io.github.quayorgmirror.secret.ReferencedSecretCache;
import io.github.quayorgmirror.secret.SecretRef;
import io.github.quayorgmirror.secret.SecretSnapshot;
import io.github.quayorgmirror.settings.Durations;
import io.github.quayorgmirror.status.StatusWriter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the beans the YAML routes refer to by name. One KubernetesClient serves everything: the
 * informers, our beans, and camel-kubernetes' producers (which autowire it). Out of cluster it is
 * configured like kubectl (KUBECONFIG, ~/.kube/config); in a pod from the service account.
 */
public class ControllerConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerConfiguration.class);

    public static final String MIRROR_CACHE = "organizationMirrorCache";
    static final String WORK_QUEUE = "workqueue:organizationmirrors";
    static final String METRICS_REGISTRY = "metricsRegistry";
    static final String SECRET_CHANGED = "direct:referenced-secret-changed";
    static final String ALLOW_CROSS_NAMESPACE = "orgmirror.reconcile.allow-cross-namespace-secrets";
    /** Camel's MBeans wait for the controller to be ready, not longer than this (docs/operations.md, JMX). */
    static final Duration MBEANS_HELD_AT_MOST = Duration.ofSeconds(30);


    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        EarlyKubernetesClient early = registry.lookupByNameAndType(EarlyKubernetesClient.NAME, EarlyKubernetesClient.class);
        SharedVertx vertx = early != null ? early.vertx() : new SharedVertx();
        context.addLifecycleStrategy(vertx);
        registry.bind("vertx", Vertx.class, vertx.vertx());
        KubernetesClient client = registry.findSingleByType(KubernetesClient.class);
        if (client != null && early != null) {
            early.discardClient();
        }
        if (client == null) {
            KubernetesClient built = early != null ? early.client() : EarlyKubernetesClient.build(vertx.vertx());
            registry.bind("kubernetesClient", KubernetesClient.class, built);
            // added first, so stopped last: the leader election can still release its Lease with it
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    built.close();
                }
            });
            client = built;
        }
        logSecretPolicy(context);
        Clock clock = Clock.systemUTC();
        Supplier<InformerCache> mirrors = () -> registry.lookupByNameAndType(MIRROR_CACHE, InformerCache.class);

        LeaderElection leaderElection = new LeaderElection(leaseSettings(context, client), client);
        LeadershipFence fence = leaderElection.fence();
        registry.bind("leadershipFence", fence);
        OwnWrites ownWrites = new OwnWrites();
        registry.bind("ownWrites", ownWrites);
        Finalizers finalizers = new Finalizers(client, ownWrites, fence);
        ReferencedSecretCache secrets = referencedSecrets(context, client);
        SecretReferences secretReferences = new SecretReferences(mirrors, secrets);
        secrets.keepWhile(secretReferences::referenced);
        KnownConnections knownConnections = new KnownConnections(secretReferences::mirrorsUsing,
                secret -> secrets.peek(SecretRef.parse(secret)) != null);
        secrets.onForget(ref -> knownConnections.forget(ref.toString()));
        registry.bind("resourceSteps", new ResourceSteps(mirrors, finalizers, ownWrites));
        registry.bind("deletionSteps", new DeletionSteps(finalizers, knownConnections, DeletionSteps.terminatingIn(client),
                () -> registry.lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class).counter(ControllerMetrics.ORPHANED).increment()));
        SecretAccess secretAccess = new SecretAccess(secrets, Boolean.parseBoolean(property(context, ALLOW_CROSS_NAMESPACE)));
        registry.bind("connectionSteps", new ConnectionSteps(secretAccess, knownConnections));
        registry.bind("registryCredentialSteps", new RegistryCredentialSteps(secretAccess));
        // what quayHostShare asks before it lends a host more than its share of the workers
        registry.bind("queuedQuayHosts", new QueuedQuayHosts(() -> workQueue(context), mirrors, secrets));
        registry.bind("unusedSessions", new UnusedSessions(secrets,
                () -> registry.lookupByNameAndType("quaySessions", QuaySessionStore.class)));
        registry.bind("mirrorConfigSteps", new MirrorConfigSteps(clock));
        registry.bind("registryVerificationSteps", new RegistryVerificationSteps());
        registry.bind("forceSyncSteps", new ForceSyncSteps());
        registry.bind("syncRequestSteps", new SyncRequestSteps());
        registry.bind("quayCapabilitySteps",
                new QuayCapabilitySteps(clock, duration(context, "orgmirror.quay.capabilities-ttl")));
        registry.bind("outcomeSteps", new OutcomeSteps(new StatusWriter(client, clock, ownWrites, fence),
                duration(context, "orgmirror.reconcile.stalled-retry"), duration(context, "orgmirror.reconcile.sync-pending-retry")));
        registry.bind("reconcileMetrics", new ReconcileMetrics(context));
        registry.bind("eventFactory", new EventFactory(clock, instanceName()));
        registry.bind(EventFactory.PUBLISHER, ExecutorService.class, EventFactory.publisher(context));
        ReconcileConditions.bind(registry);
        registry.bind("secretReferences", secretReferences);
        registry.bind("organizationMirrorIndexers", SecretReferences.INDEXERS);

        leaderElection.whenLeading(() -> requeueEverything(context, mirrors.get()));
        registry.bind("leaderElection", leaderElection);
        context.addService(leaderElection);
        observe(context, mirrors, leaderElection, secrets);
    }

    /**
     * Metrics and JMX, whose Camel MBeans wait for the controller to be ready. The Prometheus registry is bound
     * first, so camel-micrometer and our meters share it.
     */
    private static void observe(CamelContext context, Supplier<InformerCache> mirrors, LeaderElection leaderElection,
            ReferencedSecretCache secrets) throws Exception {
        MeterRegistry meters = context.getRegistry().lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind(METRICS_REGISTRY, meters);
        }
        // what bounds the controller's memory for Secrets: the Secrets resources name, each watched by name
        Gauge.builder("orgmirror.referenced.secrets", secrets, ReferencedSecretCache::size).register(meters);
        Supplier<KeyedWorkQueue> queue = () -> workQueue(context);
        ResourceCensus census = new ResourceCensus(mirrors);
        context.addService(new ControllerMetrics(context, meters, queue, census, leaderElection,
                List.of("organizationmirrors")));
        context.addService(new ControllerStatus(queue, census, leaderElection));
        ReleaseMBeansWhenReady.install(context, MBEANS_HELD_AT_MOST);
    }

    private static KeyedWorkQueue workQueue(CamelContext context) {
        return context.getComponent("workqueue", WorkQueueComponent.class)
                .queue(WORK_QUEUE.substring(WORK_QUEUE.indexOf(':') + 1));
    }

    /** A new leader looks at every resource once: changes made while nobody led are not lost. */
    private static void requeueEverything(CamelContext context, InformerCache cache) {
        if (cache == null) {
            return;
        }
        try (ProducerTemplate template = context.createProducerTemplate()) {
            cache.list().forEach(resource -> template.sendBodyAndHeader(WORK_QUEUE, null,
                    WorkQueueConstants.KEY, MirrorResource.key(resource)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static LeaseSettings leaseSettings(CamelContext context, KubernetesClient client) {
        String prefix = "orgmirror.leader-election.";
        String namespace = property(context, prefix + "lease-namespace");
        if (namespace.isBlank()) {
            namespace = client.getNamespace() == null ? "default" : client.getNamespace();
        }
        String identity = property(context, prefix + "identity");
        if (identity.isBlank()) {
            identity = instanceName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
        return new LeaseSettings(Boolean.parseBoolean(property(context, prefix + "enabled")), namespace,
                property(context, prefix + "lease-name"), identity, duration(context, prefix + "lease-duration"),
                duration(context, prefix + "renew-deadline"), duration(context, prefix + "retry-period"));
    }

    private static String property(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key)
                .orElseThrow(() -> new IllegalStateException("Missing property " + key));
    }

    private static Duration duration(CamelContext context, String key) {
        return Durations.positive(key, property(context, key));
    }

    /** Cross-namespace Secret references are refused unless allowed: say so when they are allowed for all. */
    private static void logSecretPolicy(CamelContext context) {
        if (Boolean.parseBoolean(property(context, ALLOW_CROSS_NAMESPACE))) {
            LOG.warn("{}=true: any OrganizationMirror may use a Secret of any namespace the controller can read."
                    + " Prefer the annotation {} on the Secrets meant to be shared", ALLOW_CROSS_NAMESPACE,
                    SecretSnapshot.ALLOWED_NAMESPACES);
        }
    }

    /** Referenced Secrets, kept current by their watches; a change reconciles the mirrors that use the Secret. */
    private static ReferencedSecretCache referencedSecrets(CamelContext context, KubernetesClient client) throws Exception {
        ReferencedSecretCache secrets = new ReferencedSecretCache(client, ConnectionSecretParser.KEYS);
        AtomicReference<ProducerTemplate> template = new AtomicReference<>();
        secrets.onChange(ref -> template.updateAndGet(made -> made != null ? made : context.createProducerTemplate())
                .sendBody(SECRET_CHANGED, ref.toString()));
        context.addService(secrets);
        return secrets;
    }

    private static String instanceName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "quay-orgmirror-controller" : host;
    }
}
