package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;

/**
 * How a failing row is retried: how many attempts in all, and the backoff between them. One for the outbox
 * ({@code quarkus.airlock.outbox.*}), and one for each task that overrides it ({@code quarkus.airlock.tasks."name".*}).
 */
public record RetrySchedule(int maxAttempts, Backoff backoff) {

    /**
     * The time from a row's first failure to its dead letter, if every attempt fails at once: the sum of the waits
     * between attempts, each drawn between half its ceiling and its ceiling.
     *
     * @param shortest when every wait draws its lowest value
     * @param longest when every wait draws its highest
     */
    public record Window(Duration shortest, Duration longest) {
    }

    public Window window() {
        long longest = 0;
        long shortest = 0;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            long ceiling = backoff.ceilingAfter(attempt);
            longest += ceiling;
            shortest += ceiling / 2;
        }
        return new Window(Duration.ofMillis(shortest), Duration.ofMillis(longest));
    }
}
