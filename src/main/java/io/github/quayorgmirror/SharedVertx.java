package io.github.quayorgmirror;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The one Vert.x of the process, bound in the registry: camel-platform-http's management server (health,
 * metrics) takes the Vert.x it finds there, and the KubernetesClient we build gets it through fabric8's
 * {@code VertxHttpClientFactory}. Each would otherwise start its own, with 2 event loops per core, up to 20
 * workers and a blocked-thread checker each, and their own Netty buffer arenas (docs/benchmark.md, Memory).
 */
final class SharedVertx extends LifecycleStrategySupport {

    /** The API server's watches and requests and a scrape now and then: little I/O, and 2 cores at most. */
    static final int EVENT_LOOPS = 2;
    /** Blocking work: the JDK's name lookups of the API server and Quay hosts, the health checks. */
    static final int WORKERS = 4;
    private static final String DISABLE_DNS_RESOLVER = "vertx.disableDnsResolver";

    private final Vertx vertx;

    SharedVertx() {
        this.vertx = create();
    }

    Vertx vertx() {
        return vertx;
    }

    /**
     * As fabric8 makes its own: daemon threads, no file cache nor class-path files written under the working
     * directory (read-only in the pod), and host names looked up by the JDK, as every other client of the
     * process does (Vert.x reads that choice from a system property when it is created).
     */
    private static Vertx create() {
        String before = System.getProperty(DISABLE_DNS_RESOLVER);
        System.setProperty(DISABLE_DNS_RESOLVER, "true");
        try {
            return Vertx.vertx(new VertxOptions()
                    .setEventLoopPoolSize(EVENT_LOOPS)
                    .setWorkerPoolSize(WORKERS)
                    .setInternalBlockingPoolSize(WORKERS)
                    .setUseDaemonThread(true)
                    .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                            .setClassPathResolvingEnabled(false)));
        } finally {
            if (before == null) {
                System.clearProperty(DISABLE_DNS_RESOLVER);
            } else {
                System.setProperty(DISABLE_DNS_RESOLVER, before);
            }
        }
    }

    /**
     * Closed once the context stopped all its services: the management server (added before our services) and
     * the KubernetesClient do not close a Vert.x they were given, and need it until they are stopped.
     */
    @Override
    public void onContextStopped(CamelContext context) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // daemon threads: they do not keep the JVM from exiting
        }
    }
}
