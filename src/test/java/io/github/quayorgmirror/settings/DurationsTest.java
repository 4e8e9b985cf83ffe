package io.github.quayorgmirror.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quayorgmirror.settings.Durations;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500ms, 500", "30s, 30000", "5m, 300000", "1h30m, 5400000", "' 2s ', 2000"})
    void readsPositiveDurations(String text, long millis) {
        assertThat(Durations.positive("setting", text)).isEqualTo(Duration.ofMillis(millis));
        assertThat(Durations.zeroOrPositive("setting", text)).isEqualTo(Duration.ofMillis(millis));
    }

    /** Camel's TimeUtils reads 1x and -5s as 0: as a retry or a resync period that is a hot loop or nothing. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1x", "-5s", "soon", "5 m", "ms"})
    void refusesWhatIsNoDuration(String text) {
        assertThatThrownBy(() -> Durations.positive("orgmirror.queue.backoff-max", text))
                .hasMessage("orgmirror.queue.backoff-max=" + text + " is not a positive duration such as 500ms, 1s or 5m");
        assertThatThrownBy(() -> Durations.zeroOrPositive("resyncPeriod", text))
                .hasMessage("resyncPeriod=" + text + " is not a duration such as 30s, 10m or 1h, nor 0 (off)");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0", "0s", "0ms", "00m", "", " "})
    void zeroWrittenAsSuchTurnsOff(String text) {
        assertThat(Durations.zeroOrPositive("resyncPeriod", text)).isZero();
        assertThatThrownBy(() -> Durations.positive("orgmirror.reconcile.stalled-retry", text))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
