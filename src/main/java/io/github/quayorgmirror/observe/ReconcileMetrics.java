package io.github.quayorgmirror.observe;

import io.github.quayorgmirror.reconcile.ReconcileProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;

/**
 * Bean {@code reconcileMetrics}: times every pass ({@code orgmirror.reconcile.duration}) and counts it
 * ({@code orgmirror.reconciles}), both tagged {@code result} (exchange property {@code reconcileResult}) and, as camel-micrometer's producer tags its meters,
 * {@code camelContext}. Not the {@code micrometer:} endpoint: its producer converts the {@code action} option from
 * text to an enum on every exchange, which in Camel 4.18 scans every type converter each time (docs/design.md,
 * "Where we wrote our own").
 */
public class ReconcileMetrics {

    public static final String DURATION = "orgmirror.reconcile.duration";
    public static final String RECONCILES = "orgmirror.reconciles";
    /** Exchange property holding the running pass's {@link Timer.Sample}. */
    static final String SAMPLE = "reconcileTimerSample";

    private final CamelContext context;
    private final Map<String, Meters> byResult = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    public ReconcileMetrics(CamelContext context) {
        this.context = context;
    }

    public void start(Exchange exchange) {
        exchange.setProperty(SAMPLE, Timer.start(registry()));
    }

    /** Counts the pass; times it when it was started (the failure path may report a pass a second time). */
    public void stop(Exchange exchange) {
        String result = String.valueOf(exchange.getProperty(ReconcileProperties.RESULT));
        Meters meters = byResult.computeIfAbsent(result, this::register);
        meters.reconciles.increment();
        Timer.Sample sample = exchange.getProperty(SAMPLE, Timer.Sample.class);
        if (sample != null) {
            sample.stop(meters.duration);
            exchange.removeProperty(SAMPLE);
        }
    }

    private Meters register(String result) {
        Tags tags = Tags.of("camelContext", context.getName(), "result", result);
        return new Meters(Counter.builder(RECONCILES).tags(tags).register(registry()),
                Timer.builder(DURATION).tags(tags).register(registry()));
    }

    /** Looked up on first use: camel-main binds the Prometheus registry while starting, after the beans are made. */
    private MeterRegistry registry() {
        MeterRegistry current = registry;
        if (current == null) {
            current = MicrometerUtils.getOrCreateMeterRegistry(context.getRegistry(),
                    MicrometerConstants.METRICS_REGISTRY_NAME);
            registry = current;
        }
        return current;
    }

    private record Meters(Counter reconciles, Timer duration) {
    }
}
