package io.github.quayorgmirror;

public final class ControllerMain {
    private ControllerMain() {
    }

    public static void main(String[] args) throws Exception {
        new org.apache.camel.main.Main(ControllerMain.class).run(args);
    }
}
