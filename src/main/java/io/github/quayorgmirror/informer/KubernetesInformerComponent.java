package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code kubernetes-informer:<plural>?apiVersion=..&kind=..}: a consumer of Kubernetes resource
 * events built on fabric8's SharedIndexInformer, replacing camel-kubernetes' custom-resources
 * consumer (see docs/informer.md for why). Registered through
 * {@code META-INF/services/org/apache/camel/component/kubernetes-informer}.
 */
public class KubernetesInformerComponent extends DefaultComponent {

    private KubernetesClient kubernetesClient;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("kubernetes-informer needs the resource's plural as path, "
                    + "e.g. kubernetes-informer:organizationmirrors");
        }
        KubernetesInformerEndpoint endpoint = new KubernetesInformerEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The client shared by this component's endpoints; when unset, the single KubernetesClient bean of the registry. */
    public KubernetesClient getKubernetesClient() {
        return kubernetesClient;
    }

    public void setKubernetesClient(KubernetesClient kubernetesClient) {
        this.kubernetesClient = kubernetesClient;
    }
}
