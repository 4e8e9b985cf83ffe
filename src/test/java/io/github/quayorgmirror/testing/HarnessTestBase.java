package io.github.quayorgmirror.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An end-to-end test on a fresh harness per test (mock API server, fake Quay, the controller once the test starts
 * it), closed after it. A test's own {@code @BeforeEach} runs after this one, on the harness already there.
 */
public abstract class HarnessTestBase {

    protected ControllerHarness harness;

    /** The harness of one test: by default with a token connection Secret in place. */
    protected ControllerHarness newHarness() {
        return ControllerHarness.startWithTokenSecret();
    }

    @BeforeEach
    final void startHarness() {
        harness = newHarness();
    }

    @AfterEach
    final void closeHarness() {
        harness.close();
    }
}
