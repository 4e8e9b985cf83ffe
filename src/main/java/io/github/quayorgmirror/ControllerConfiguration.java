package io.github.quayorgmirror;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.leader.LeaderElection;
import io.github.quayorgmirror.leader.LeaseSettings;
import io.github.quayorgmirror.queue.WorkQueueConstants;
import io.github.quayorgmirror.reconcile.ConnectionSteps;
import io.github.quayorgmirror.reconcile.ForceSyncSteps;
import io.github.quayorgmirror.reconcile.MirrorConfigSteps;
import io.github.quayorgmirror.reconcile.OutcomeSteps;
import io.github.quayorgmirror.reconcile.ResourceSteps;
import io.github.quayorgmirror.reconcile.SecretReferences;
import io.github.quayorgmirror.status.EventFactory;
import io.github.quayorgmirror.status.Finalizers;
import io.github.quayorgmirror.status.MirrorResource;
import io.github.quayorgmirror.status.StatusWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Registry;
import org.apache.camel.util.TimeUtils;

/**
 * Binds the beans the YAML routes refer to by name. One KubernetesClient serves everything: the
 * informers, our beans, and camel-kubernetes' producers (which autowire it). Out of cluster it is
 * configured like kubectl (KUBECONFIG, ~/.kube/config); in a pod from the service account.
 */
public class ControllerConfiguration implements CamelConfiguration {

    static final String MIRROR_CACHE = "organizationMirrorCache";
    static final String WORK_QUEUE = "workqueue:organizationmirrors";

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        KubernetesClient client = registry.findSingleByType(KubernetesClient.class);
        if (client == null) {
            client = new KubernetesClientBuilder().build();
            registry.bind("kubernetesClient", KubernetesClient.class, client);
        }
        Clock clock = Clock.systemUTC();
        Supplier<InformerCache> mirrors = () -> registry.lookupByNameAndType(MIRROR_CACHE, InformerCache.class);

        registry.bind("resourceSteps", new ResourceSteps(mirrors, new Finalizers(client)));
        registry.bind("connectionSteps",
                new ConnectionSteps(Boolean.parseBoolean(property(context, "orgmirror.reconcile.allow-cross-namespace-secrets"))));
        registry.bind("mirrorConfigSteps", new MirrorConfigSteps(clock));
        registry.bind("forceSyncSteps", new ForceSyncSteps());
        registry.bind("outcomeSteps", new OutcomeSteps(new StatusWriter(client, clock),
                duration(context, "orgmirror.reconcile.stalled-retry"), duration(context, "orgmirror.reconcile.sync-pending-retry")));
        registry.bind("eventFactory", new EventFactory(clock, instanceName()));
        registry.bind("secretReferences", new SecretReferences(mirrors));

        LeaderElection leaderElection = new LeaderElection(leaseSettings(context, client), client);
        leaderElection.whenLeading(() -> requeueEverything(context, mirrors.get()));
        registry.bind("leaderElection", leaderElection);
        context.addService(leaderElection);
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
        return Duration.ofMillis(TimeUtils.toMilliSeconds(property(context, key)));
    }

    private static String instanceName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "quay-orgmirror-controller" : host;
    }
}
