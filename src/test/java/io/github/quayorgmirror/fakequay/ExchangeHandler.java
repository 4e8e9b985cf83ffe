package io.github.quayorgmirror.fakequay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The one {@link HttpHandler}: reads the request, applies an armed fault, routes it, records the call
 * (before answering, so a test that got its answer always finds the call) and writes the answer.
 */
final class ExchangeHandler implements HttpHandler {

    private final Router router;
    private final Faults faults;
    private final CallRecorder recorder;

    ExchangeHandler(Router router, Faults faults, CallRecorder recorder) {
        this.router = router;
        this.faults = faults;
        this.recorder = recorder;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        ApiRequest req = new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
        Faults.Fault fault = faults.take(req.method, req.path);
        Response processed = fault != null && fault.afterProcessing() ? routeSafely(req) : null;
        if (fault != null && !fault.delay().isZero()) {
            pause(fault.delay());
        }
        if (fault != null && fault.dropConnection()) {
            recorder.record(req, 0);
            // closing before the response headers are sent closes the socket itself: no HTTP answer at all
            exchange.close();
            return;
        }
        Response response = processed != null ? processed
                : fault != null && fault.status() > 0 ? injected(fault) : routeSafely(req);
        recorder.record(req, response.status());
        write(exchange, response);
    }

    /** A defect in the fake answers 500, as Quay does for an unhandled error, instead of a silent reset. */
    private Response routeSafely(ApiRequest req) {
        try {
            return router.route(req);
        } catch (RuntimeException e) {
            return Response.json(500, Map.of("message", "Internal Server Error", "fake_quay_defect", e.toString()));
        }
    }

    private static Response injected(Faults.Fault fault) {
        Response r = fault.body() != null ? Response.jsonText(fault.status(), fault.body())
                : Response.json(fault.status(), Map.of("error", "Injected fault: HTTP " + fault.status()));
        if (fault.location() != null) {
            r = r.withHeader("Location", fault.location());
        }
        return fault.retryAfterSeconds() == null ? r : r.withHeader("Retry-After", fault.retryAfterSeconds().toString());
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean noBody = response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                out.write(response.body());
            }
        }
    }

    /** Runs on the server's executor thread, so other requests carry on meanwhile. */
    private static void pause(java.time.Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
