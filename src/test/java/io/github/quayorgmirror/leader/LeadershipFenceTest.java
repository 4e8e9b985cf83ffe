package io.github.quayorgmirror.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeadershipFenceTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final LeadershipFence fence = new LeadershipFence(true, Duration.ofNanos(100), now::get);

    @Test
    void writesAreAllowedOnlyUntilTheValidityAfterTheLastRenewHasPassed() throws Exception {
        assertThat(fence.valid()).as("before the first acquire").isFalse();
        fence.renewed(1_000);
        now.set(1_099);
        fence.check("a write");
        now.set(1_100);
        // a renew that never came (a paused JVM): nobody told the fence, the clock alone ends it
        assertThat(fence.valid()).isFalse();
        assertThatThrownBy(() -> fence.check("a write")).isInstanceOf(LeadershipLostException.class)
                .hasMessageContaining("a write not done");
    }

    @Test
    void aRevokedFenceRefusesAtOnceAndARenewAllowsAgain() {
        fence.renewed(1_000);
        fence.revoke();
        assertThat(fence.valid()).isFalse();
        fence.renewed(1_050);
        assertThat(fence.valid()).isTrue();
    }

    @Test
    void theValidityIsTheLeaseDurationLessHalfOfTheWindowAfterTheRenewDeadline() {
        LeadershipFence fromSettings = LeadershipFence.of(new LeaseSettings(true, "ns", "lease", "me",
                Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2)));
        assertThat(fromSettings.validity()).isEqualTo(Duration.ofMillis(12_500));
    }

    @Test
    void withoutElectionTheOnlyInstanceAlwaysWrites() {
        assertThat(new LeadershipFence(false, Duration.ZERO, now::get).valid()).isTrue();
    }
}
