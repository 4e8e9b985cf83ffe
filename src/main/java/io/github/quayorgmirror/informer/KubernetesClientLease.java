package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Set;
import org.apache.camel.CamelContext;

/**
 * The client an endpoint uses, chosen as camel-kubernetes does: the endpoint's, else the
 * component's, else the single KubernetesClient bean of the registry, else one built from the
 * environment (kubeconfig or in-cluster service account), which only that endpoint closes.
 */
record KubernetesClientLease(KubernetesClient client, boolean owned) {

    static KubernetesClientLease acquire(CamelContext context, KubernetesClient endpointClient,
            KubernetesClient componentClient) {
        if (endpointClient != null) {
            return new KubernetesClientLease(endpointClient, false);
        }
        if (componentClient != null) {
            return new KubernetesClientLease(componentClient, false);
        }
        Set<KubernetesClient> beans = context.getRegistry().findByType(KubernetesClient.class);
        if (beans.size() > 1) {
            throw new IllegalStateException(beans.size() + " KubernetesClient beans in the registry: "
                    + "choose one with the kubernetesClient option");
        }
        if (beans.size() == 1) {
            return new KubernetesClientLease(beans.iterator().next(), false);
        }
        return new KubernetesClientLease(new KubernetesClientBuilder().build(), true);
    }

    void release() {
        if (owned) {
            client.close();
        }
    }
}
