package io.github.quayorgmirror;

import io.github.quayorgmirror.quay.QuayConfiguration;
import java.util.Map;
import org.apache.camel.main.Main;

/** Starts the controller: camel-main with the routes from {@code routes/} and the beans of {@link ControllerConfiguration}. */
public final class ControllerMain {

    /**
     * Netty's pooled allocator gives each arena 4 MiB chunks of direct memory, kept for good: ~12 MiB idle, ~20 MiB
     * under load, for the little I/O of the API server's requests and watches and a scrape now and then. Without
     * arenas each read gets a buffer of its size and frees it (docs/benchmark.md, Memory). A -D flag still wins.
     */
    static final Map<String, String> NETTY_DEFAULTS = Map.of(
            "io.netty.allocator.numDirectArenas", "0",
            "io.netty.allocator.numHeapArenas", "0");

    private ControllerMain() {
    }

    public static void main(String[] args) throws Exception {
        NETTY_DEFAULTS.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        // first, so that it runs beside everything camel-main does before it configures our beans
        EarlyKubernetesClient early = EarlyKubernetesClient.start();
        Main main = newMain();
        main.bind(EarlyKubernetesClient.NAME, early);
        main.run(args);
    }

    /** No main class is given to camel-main on purpose: it would scan our packages for Java routes; ours are YAML. */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addConfiguration(ControllerConfiguration.class);
        main.configure().addConfiguration(QuayConfiguration.class);
        return main;
    }
}
