package io.github.quayorgmirror.fakequay;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP(S) server on 127.0.0.1 and a free port. Requests run on a cached thread pool, so a
 * delayed request never holds up another one.
 */
final class FakeQuayServer {

    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        // The JDK server leaves Nagle's algorithm on: its response body then waits for the client's
        // delayed ACK of the headers (about 40 ms a call on Linux). Quay's own servers answer at once.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private FakeQuayServer(HttpServer server, String scheme) {
        this.server = server;
        this.baseUri = URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-quay-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    static FakeQuayServer bind(boolean https) {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        try {
            if (!https) {
                return new FakeQuayServer(HttpServer.create(loopback, 0), "http");
            }
            HttpsServer server = HttpsServer.create(loopback, 0);
            server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.serverContext()));
            return new FakeQuayServer(server, "https");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Quay", e);
        }
    }

    URI baseUri() {
        return baseUri;
    }

    void start(HttpHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
