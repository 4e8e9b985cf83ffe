package io.github.quayorgmirror.informer;

import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts fresh informers on every start and stops them on every stop, so a stopped route holds no
 * watch and a restarted one does not deliver events twice. Registers its health check while it runs.
 */
public class KubernetesInformerConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesInformerConsumer.class);

    private final InformerHealthCheck healthCheck;
    private volatile InformerGroup informers;

    KubernetesInformerConsumer(KubernetesInformerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.healthCheck = new InformerHealthCheck(endpoint.getPlural(), () -> informers);
    }

    @Override
    public KubernetesInformerEndpoint getEndpoint() {
        return (KubernetesInformerEndpoint) super.getEndpoint();
    }

    /** The informers have listed everything and are watching. */
    public boolean isHealthy() {
        return healthCheck.isHealthy();
    }

    public InformerHealthCheck getHealthCheck() {
        return healthCheck;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KubernetesInformerEndpoint endpoint = getEndpoint();
        InformerSettings settings = endpoint.settings();
        InformerStoreCache cache = endpoint.cache();
        InformerGroup group = InformerGroup.create(endpoint.client(), settings, new InformerEventHandler(this, cache::copy));
        informers = group;
        cache.use(group);
        registerHealthCheck();
        group.start();
        LOG.info("Informer started: informer={} apiVersion={} kind={} namespaces={} labelSelector={} resyncMillis={}",
                settings.name(), endpoint.getApiVersion(), endpoint.getKind(),
                settings.namespaces().isEmpty() ? "*" : String.join(",", settings.namespaces()),
                settings.labelSelector(), settings.resyncMillis());
    }

    @Override
    protected void doStop() throws Exception {
        InformerGroup group = informers;
        if (group != null) {
            group.stop();
            getEndpoint().cache().release(group);
            informers = null;
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(getEndpoint().getCamelContext());
        if (registry != null) {
            registry.unregister(healthCheck);
        }
        LOG.info("Informer stopped: informer={}", getEndpoint().getPlural());
        super.doStop();
    }

    private void registerHealthCheck() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getEndpoint().getCamelContext());
        if (registry == null) {
            LOG.warn("No HealthCheckRegistry (camel-health missing): informer={} health is not reported", getEndpoint().getPlural());
            return;
        }
        healthCheck.setCamelContext(getEndpoint().getCamelContext());
        if (!registry.register(healthCheck)) {
            LOG.warn("Health check not registered, its id is taken (one consumer per resource plural): id={}",
                    healthCheck.getId());
        }
    }
}
