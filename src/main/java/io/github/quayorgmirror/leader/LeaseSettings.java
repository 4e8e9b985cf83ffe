package io.github.quayorgmirror.leader;

import java.time.Duration;

/** The Lease that decides which instance reconciles (properties {@code orgmirror.leader-election.*}). */
public record LeaseSettings(boolean enabled, String namespace, String leaseName, String identity,
        Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
}
