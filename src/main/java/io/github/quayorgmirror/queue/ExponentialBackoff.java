package io.github.quayorgmirror.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Delay before retrying a key that failed {@code failures} times in a row: {@code initial}, doubled per further
 * failure, never more than {@code max}.
 */
public record ExponentialBackoff(Duration initial, Duration max) {

    public static final ExponentialBackoff DEFAULT =
            new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    public ExponentialBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial delay must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " is shorter than initial " + initial);
        }
    }

    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        int doublings = failures - 1;
        long initialNanos = initial.toNanos();
        long maxNanos = max.toNanos();
        if (doublings >= Long.SIZE - 1 || initialNanos > (maxNanos >> doublings)) {
            return max;
        }
        return Duration.ofNanos(initialNanos << doublings);
    }
}
