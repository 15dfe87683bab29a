package io.quarkiverse.airlock.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theDefaultsRetryForAtLeastAnHourEvenAtTheLowEndOfTheJitter() {
        // quarkus.airlock.outbox.max-attempts, initial-backoff and max-backoff defaults
        RetrySchedule defaults = new RetrySchedule(15, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(30)));

        RetrySchedule.Window window = defaults.window();

        assertThat(window.shortest()).isGreaterThanOrEqualTo(Duration.ofHours(1));
        // the figures the configuration reference and the outbox page give
        assertThat(window.shortest().toMinutes()).isEqualTo(62);
        assertThat(window.longest()).isEqualTo(Duration.ofSeconds(7447));
    }

    @Test
    void theWindowIsTheSumOfTheWaitsBetweenAttempts() {
        RetrySchedule three = new RetrySchedule(3, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10)));

        assertThat(three.window().longest()).isEqualTo(Duration.ofSeconds(1 + 2));
        assertThat(three.window().shortest()).isEqualTo(Duration.ofMillis(500 + 1000));
        assertThat(new RetrySchedule(1, three.backoff()).window().longest()).as("one attempt, no wait").isZero();
    }

    @Test
    void eachWaitIsDrawnBetweenHalfItsCeilingAndItsCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(30));
        for (int attempt = 1; attempt < 20; attempt++) {
            long ceiling = backoff.ceilingAfter(attempt);
            assertThat(backoff.millisAfter(attempt)).isBetween(ceiling / 2, ceiling);
        }
        assertThat(backoff.ceilingAfter(12)).as("capped").isEqualTo(Duration.ofMinutes(30).toMillis());
    }
}
