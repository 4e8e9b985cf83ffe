package io.github.quayorgmirror;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Vert.x and the KubernetesClient on it, built on a thread of their own while camel-main starts its
 * context on the main thread: most of their cost is loading and initializing classes (Netty, Vert.x, Jackson,
 * fabric8's model), which the second core can do meanwhile (docs/benchmark.md, Start). Bound in the registry
 * under {@link #NAME}; {@link ControllerConfiguration} takes them from it, or builds its own when it is absent.
 */
final class EarlyKubernetesClient {

    static final String NAME = "earlyKubernetesClient";
    private static final Logger LOG = LoggerFactory.getLogger(EarlyKubernetesClient.class);

    private final CompletableFuture<SharedVertx> vertx = new CompletableFuture<>();
    private final CompletableFuture<KubernetesClient> client = new CompletableFuture<>();

    private EarlyKubernetesClient() {
    }

    /**
     * Starts building. A failure is kept, not logged, for {@link #client()} to throw where building it on the main
     * thread would have thrown it. A daemon thread: it keeps no JVM alive whose start failed before it ended.
     * SLF4J is bound to its logging backend first, on the calling thread: while one thread binds it, SLF4J hands the others
     * substitute loggers, and camel-main's would lose what it logs meanwhile (SLF4J warns of it on stderr).
     */
    static EarlyKubernetesClient start() {
        LoggerFactory.getILoggerFactory();
        EarlyKubernetesClient early = new EarlyKubernetesClient();
        Thread thread = new Thread(early::build, "early-kubernetes-client");
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    private void build() {
        KubernetesClient built;
        try {
            SharedVertx shared = new SharedVertx();
            vertx.complete(shared);
            built = build(shared.vertx());
            client.complete(built);
        } catch (RuntimeException | Error e) {
            vertx.completeExceptionally(e);
            client.completeExceptionally(e);
            return;
        }
        connect(built);
    }

    /**
     * A first request, answered or not: it loads Vert.x's HTTP client and opens a connection to the API server
     * here, beside camel-main, instead of in the informer's first list, which readiness waits for. {@code GET
     * /version} needs no permission (every client may read it) and changes nothing.
     */
    private static void connect(KubernetesClient client) {
        try {
            client.getKubernetesVersion();
        } catch (RuntimeException e) {
            LOG.debug("First request to the API server (GET /version) failed: {}", e.getMessage());
        }
    }

    /** The client as the controller always configures it: like kubectl out of cluster, else the service account. */
    static KubernetesClient build(Vertx vertx) {
        return new KubernetesClientBuilder().withHttpClientFactory(new VertxHttpClientFactory(vertx)).build();
    }

    /** Waits for the Vert.x. */
    SharedVertx vertx() {
        return await(vertx);
    }

    /** Waits for the client; throws what building it threw. */
    KubernetesClient client() {
        return await(client);
    }

    /** When the registry already holds a client: this one is closed once built, and its failure forgotten. */
    void discardClient() {
        client.thenAccept(KubernetesClient::close);
    }

    /** Throws the builder's own exception, not CompletableFuture's wrapper: as if built on this thread. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }
}
