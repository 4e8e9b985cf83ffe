package io.github.quayorgmirror.leader;

import java.time.Duration;

/** The Lease that decides which instance reconciles (properties {@code orgmirror.leader-election.*}). */
public record LeaseSettings(boolean enabled, String namespace, String leaseName, String identity,
        Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    public LeaseSettings {
        if (enabled && (leaseDuration.compareTo(renewDeadline) <= 0 || renewDeadline.compareTo(retryPeriod) <= 0)) {
            throw new IllegalArgumentException("orgmirror.leader-election needs lease-duration (" + leaseDuration
                    + ") > renew-deadline (" + renewDeadline + ") > retry-period (" + retryPeriod
                    + "): otherwise two replicas can lead at once, or the leader loses its lease while renewing it");
        }
    }
}
