package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuayCircuitBreakerTest {

    private final QuayCircuitBreaker breaker = new QuayCircuitBreaker(3, Duration.ofNanos(100));

    @Test
    void opensAfterTheThresholdAndFailsFastUntilTheOpenDurationHasPassed() {
        breaker.failed(0, "HTTP 503");
        breaker.failed(1, "HTTP 503");
        assertThat(breaker.admit(2)).as("two failures: still closed").isNull();
        breaker.failed(2, "SocketTimeoutException");

        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.admit(50)).isEqualTo(Duration.ofNanos(52));
        assertThat(breaker.lastFailure()).isEqualTo("SocketTimeoutException");
    }

    @Test
    void afterTheOpenDurationOneTrialGoesAndItsOutcomeDecides() {
        for (int i = 0; i < 3; i++) {
            breaker.failed(0, "no answer");
        }
        assertThat(breaker.admit(100)).as("the trial").isNull();
        assertThat(breaker.admit(101)).as("a second call while the trial runs").isNotNull();
        breaker.failed(110, "no answer");
        assertThat(breaker.admit(150)).as("opened again by the failed trial").isEqualTo(Duration.ofNanos(60));

        assertThat(breaker.admit(210)).isNull();
        breaker.succeeded();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.admit(211)).isNull();
    }

    @Test
    void anAnswerInBetweenResetsTheCount() {
        breaker.failed(0, "HTTP 502");
        breaker.failed(1, "HTTP 502");
        breaker.succeeded();
        breaker.failed(2, "HTTP 502");
        assertThat(breaker.isOpen()).isFalse();
    }
}
