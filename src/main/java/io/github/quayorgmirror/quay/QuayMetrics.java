package io.github.quayorgmirror.quay;

import io.micrometer.core.instrument.Counter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Bean {@code quayMetrics}: counts Quay requests ({@code orgmirror.quay.requests}, tags {@code operation} and
 * {@code status} = HTTP code or {@code io_error}) and, as the {@code onRedelivery} processor of the route configuration {@code quay-http},
 * redeliveries ({@code orgmirror.quay.redeliveries}, tag {@code operation}). Tags stay low-cardinality: route ids
 * and status codes, never organizations or hosts.
 */
public class QuayMetrics extends RegistryAwareBean implements Processor {

    public static final String REQUESTS = "orgmirror.quay.requests";
    public static final String REDELIVERIES = "orgmirror.quay.redeliveries";

    // looked up once per tag set: finding a meter by name and tags builds its id and sorts the tags on every call
    private final Map<RequestTags, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> redeliveries = new ConcurrentHashMap<>();

    /** {@code status} null: no answer ({@code io_error}). */
    private record RequestTags(String operation, Integer status) {
    }

    public void countRequest(Exchange exchange) {
        Integer status = QuayCall.of(exchange).attempt().status;
        requests.computeIfAbsent(new RequestTags(operation(exchange), status), tags -> meterRegistry().counter(REQUESTS,
                "operation", tags.operation(), "status", tags.status() == null ? "io_error" : tags.status().toString()))
                .increment();
    }

    /** Called by the error handler before each redelivery; also counts them on the exchange for the final message. */
    @Override
    public void process(Exchange exchange) {
        redeliveries.computeIfAbsent(operation(exchange), operation -> meterRegistry().counter(REDELIVERIES,
                "operation", operation)).increment();
        QuayCall call = QuayCall.of(exchange);
        if (call != null) {
            call.redelivered();
        }
    }

    private static String operation(Exchange exchange) {
        QuayRequest request = QuayCall.request(exchange);
        return request == null ? "unknown" : request.operation().tag();
    }
}
