package io.github.quayorgmirror;

import io.github.quayorgmirror.quay.QuayConfiguration;
import org.apache.camel.main.Main;

/** Starts the controller: camel-main with the routes from {@code routes/} and the beans of {@link ControllerConfiguration}. */
public final class ControllerMain {

    private ControllerMain() {
    }

    public static void main(String[] args) throws Exception {
        newMain().run(args);
    }

    /** No main class is given to camel-main on purpose: it would scan our packages for Java routes; ours are YAML. */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addConfiguration(ControllerConfiguration.class);
        main.configure().addConfiguration(QuayConfiguration.class);
        return main;
    }
}
