package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after attempt n the wait is initial * 2^(n-1), capped, then drawn uniformly from
 * its upper half, so rows that failed together do not all come back at the same instant.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
    }

    long millisAfter(int attempt) {
        long ceiling = ceilingAfter(attempt);
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }

    /** The longest wait after attempt {@code attempt}; the shortest is half of it. */
    long ceilingAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        long ceiling = initialMillis << doublings;
        if (ceiling <= 0 || ceiling > maxMillis) {
            ceiling = maxMillis;
        }
        return ceiling;
    }
}
