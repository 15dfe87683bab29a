package io.quarkiverse.airlock.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;

/**
 * The wait after attempt n lies in the upper half of initial * 2^(n-1), never beyond the maximum.
 */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    @RepeatedTest(20)
    void doublesWithJitterAndStaysUnderTheMaximum() {
        assertThat(backoff.millisAfter(1)).isBetween(500L, 1000L);
        assertThat(backoff.millisAfter(2)).isBetween(1000L, 2000L);
        assertThat(backoff.millisAfter(4)).isBetween(4000L, 8000L);
        assertThat(backoff.millisAfter(7)).isBetween(30_000L, 60_000L);
        assertThat(backoff.millisAfter(1000)).as("no overflow").isBetween(30_000L, 60_000L);
    }
}
