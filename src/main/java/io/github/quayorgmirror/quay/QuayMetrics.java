package io.github.quayorgmirror.quay;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;

/**
 * Bean {@code quayMetrics}: counts Quay requests ({@code orgmirror.quay.requests}, tags {@code operation} and
 * {@code status} = HTTP code or {@code io_error}) and, as the {@code onRedelivery} processor of the route configuration {@code quay-http},
 * redeliveries ({@code orgmirror.quay.redeliveries}, tag {@code operation}). Tags stay low-cardinality: route ids
 * and status codes, never organizations or hosts.
 */
public class QuayMetrics implements Processor, CamelContextAware {

    public static final String REQUESTS = "orgmirror.quay.requests";
    public static final String REDELIVERIES = "orgmirror.quay.redeliveries";

    private CamelContext camelContext;

    public void countRequest(Exchange exchange) {
        Integer status = QuayCall.of(exchange).attempt().status;
        registry().counter(REQUESTS, "operation", operation(exchange),
                "status", status == null ? "io_error" : status.toString()).increment();
    }

    /** Called by the error handler before each redelivery; also counts them on the exchange for the final message. */
    @Override
    public void process(Exchange exchange) {
        registry().counter(REDELIVERIES, "operation", operation(exchange)).increment();
        QuayCall call = QuayCall.of(exchange);
        if (call != null) {
            call.redelivered();
        }
    }

    private static String operation(Exchange exchange) {
        QuayRequest request = QuayCall.request(exchange);
        return request == null ? "unknown" : request.operation().tag();
    }

    /** Looked up on use: camel-main binds the Prometheus registry while starting, after the beans are made. */
    private MeterRegistry registry() {
        return MicrometerUtils.getOrCreateMeterRegistry(camelContext.getRegistry(),
                MicrometerConstants.METRICS_REGISTRY_NAME);
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
