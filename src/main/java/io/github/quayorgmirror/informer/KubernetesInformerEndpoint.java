package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.quayorgmirror.settings.Durations;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * One watched kind, with its options. The endpoint owns the cache view (bound under
 * {@code cacheName} while the endpoint runs) and the Kubernetes client if it had to build one.
 */
public class KubernetesInformerEndpoint extends DefaultEndpoint {

    public static final String DEFAULT_API_VERSION = "quay.herve4m.github.io/v1alpha1";
    public static final String DEFAULT_KIND = "OrganizationMirror";

    private final String plural;
    private String apiVersion = DEFAULT_API_VERSION;
    private String kind = DEFAULT_KIND;
    private String namespaces = "";
    private String labelSelector = "";
    private String resyncPeriod = "10m";
    private String cacheName;
    private KubernetesClient kubernetesClient;
    private Map<String, Function<GenericKubernetesResource, List<String>>> indexers = Map.of();

    private final InformerStoreCache cache = new InformerStoreCache();
    private KubernetesClientLease clientLease;

    KubernetesInformerEndpoint(String uri, KubernetesInformerComponent component, String plural) {
        super(uri, component);
        this.plural = plural;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("kubernetes-informer only consumes; use kubernetes-* producers to write");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        KubernetesInformerConsumer consumer = new KubernetesInformerConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Bad options (an unparsable resyncPeriod) fail when the route is built, not when it starts. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        settings();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KubernetesInformerComponent component = (KubernetesInformerComponent) getComponent();
        clientLease = KubernetesClientLease.acquire(getCamelContext(), kubernetesClient, component.getKubernetesClient());
        if (cacheName != null && !cacheName.isBlank()) {
            getCamelContext().getRegistry().bind(cacheName, InformerCache.class, cache);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (cacheName != null && !cacheName.isBlank()) {
            getCamelContext().getRegistry().unbind(cacheName);
        }
        if (clientLease != null) {
            clientLease.release();
            clientLease = null;
        }
        super.doStop();
    }

    InformerSettings settings() {
        List<String> namespaceList = Arrays.stream(namespaces.split(",")).map(String::trim)
                .filter(namespace -> !namespace.isEmpty()).distinct().toList();
        long resyncMillis = Durations.zeroOrPositive("resyncPeriod", resyncPeriod).toMillis();
        return new InformerSettings(plural, InformerSettings.resourceContext(apiVersion, kind, plural), namespaceList,
                labelSelector.trim(), resyncMillis, Map.copyOf(indexers));
    }

    KubernetesClient client() {
        return clientLease.client();
    }

    InformerStoreCache cache() {
        return cache;
    }

    public String getPlural() {
        return plural;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    /** {@code group/version} of the watched kind; {@code v1} for core kinds such as Secret. */
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getNamespaces() {
        return namespaces;
    }

    /** Comma-separated namespaces, one informer each; empty watches all namespaces with one informer. */
    public void setNamespaces(String namespaces) {
        this.namespaces = namespaces == null ? "" : namespaces;
    }

    public String getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(String labelSelector) {
        this.labelSelector = labelSelector == null ? "" : labelSelector;
    }

    public String getResyncPeriod() {
        return resyncPeriod;
    }

    /** Every cached resource is delivered again (as RESYNC) at this period; "0" or empty turns resync off. */
    public void setResyncPeriod(String resyncPeriod) {
        this.resyncPeriod = resyncPeriod == null ? "" : resyncPeriod;
    }

    public String getCacheName() {
        return cacheName;
    }

    /** Name under which the {@link InformerCache} view is bound in the Camel registry. */
    public void setCacheName(String cacheName) {
        this.cacheName = cacheName;
    }

    public KubernetesClient getKubernetesClient() {
        return kubernetesClient;
    }

    public void setKubernetesClient(KubernetesClient kubernetesClient) {
        this.kubernetesClient = kubernetesClient;
    }

    public Map<String, Function<GenericKubernetesResource, List<String>>> getIndexers() {
        return indexers;
    }

    /** Extra index functions for the cache, by index name (see {@link InformerCache#byIndex}). */
    public void setIndexers(Map<String, Function<GenericKubernetesResource, List<String>>> indexers) {
        this.indexers = indexers == null ? Map.of() : indexers;
    }
}
