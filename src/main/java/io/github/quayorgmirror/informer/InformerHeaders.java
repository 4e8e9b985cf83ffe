package io.github.quayorgmirror.informer;

import org.apache.camel.component.kubernetes.KubernetesConstants;

/** Headers of a {@code kubernetes-informer:} exchange; the first four are camel-kubernetes' own names. */
public final class InformerHeaders {

    /** {@link io.fabric8.kubernetes.client.Watcher.Action}: ADDED, MODIFIED (also for resyncs) or DELETED. */
    public static final String ACTION = KubernetesConstants.KUBERNETES_CRD_EVENT_ACTION;
    /** {@code long}: when the event was received ({@code System.currentTimeMillis()}). */
    public static final String TIMESTAMP = KubernetesConstants.KUBERNETES_CRD_EVENT_TIMESTAMP;
    public static final String NAMESPACE = KubernetesConstants.KUBERNETES_NAMESPACE_NAME;
    public static final String NAME = KubernetesConstants.KUBERNETES_CRD_INSTANCE_NAME;
    /** {@code String}: the name of an {@link InformerChange} constant. */
    public static final String CHANGE = "CamelKubernetesInformerChange";
    /**
     * The resource as it was before a {@link InformerChange#SPEC_CHANGED} update (a copy, like the body): what the
     * change replaced, e.g. a reference the new spec no longer holds. Absent for every other change.
     */
    public static final String PREVIOUS = "CamelKubernetesInformerPrevious";

    private InformerHeaders() {
    }
}
