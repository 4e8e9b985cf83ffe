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

    public static Main newMain() {
        return new Main(ControllerMain.class, ControllerConfiguration.class, QuayConfiguration.class);
    }
}
