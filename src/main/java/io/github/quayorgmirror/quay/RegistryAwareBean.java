package io.github.quayorgmirror.quay;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;

/**
 * A bean of the Quay routes that needs others bound in the Camel registry after it was made: the controller's
 * leadership fence and work queue, the meter registry camel-main binds while starting. Each is found on first use
 * and kept.
 */
abstract class RegistryAwareBean implements CamelContextAware {

    private final Map<Class<?>, Object> found = new ConcurrentHashMap<>();
    private volatile MeterRegistry meters;
    private volatile CamelContext camelContext;

    /** The single bean of this type in the registry; null while there is none, or before the context is set. */
    protected final <T> T registryBean(Class<T> type) {
        Object bean = found.get(type);
        CamelContext context = camelContext;
        if (bean == null && context != null) {
            bean = context.getRegistry().findSingleByType(type);
            if (bean != null) {
                found.put(type, bean);
            }
        }
        return type.cast(bean);
    }

    /** The meter registry; null before the context is set (a bean used outside Camel counts nothing). */
    protected final MeterRegistry meterRegistry() {
        MeterRegistry current = meters;
        CamelContext context = camelContext;
        if (current == null && context != null) {
            current = MicrometerUtils.getOrCreateMeterRegistry(context.getRegistry(),
                    MicrometerConstants.METRICS_REGISTRY_NAME);
            meters = current;
        }
        return current;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
