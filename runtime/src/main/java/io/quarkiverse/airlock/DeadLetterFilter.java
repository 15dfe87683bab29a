package io.quarkiverse.airlock;

import java.time.Duration;
import java.util.Optional;

/**
 * Which dead letters an operation of {@link AirlockOutbox} applies to: those of one task, those dead-lettered longer
 * ago than some time, both, or all of them.
 *
 * @param task only rows of this task
 * @param olderThan only rows dead-lettered at least this long ago
 */
public record DeadLetterFilter(Optional<String> task, Optional<Duration> olderThan) {

    public DeadLetterFilter {
        if (task.isPresent() && task.get().isBlank()) {
            throw new IllegalArgumentException("A dead-letter filter's task name must not be blank");
        }
        if (olderThan.isPresent() && olderThan.get().isNegative()) {
            throw new IllegalArgumentException("A dead-letter filter's age must not be negative, not " + olderThan.get());
        }
    }

    /** Every dead letter. */
    public static DeadLetterFilter all() {
        return new DeadLetterFilter(Optional.empty(), Optional.empty());
    }

    /** The dead letters of {@code task}. */
    public static DeadLetterFilter task(String task) {
        return new DeadLetterFilter(Optional.of(task), Optional.empty());
    }

    /** The dead letters dead-lettered at least {@code age} ago. */
    public static DeadLetterFilter olderThan(Duration age) {
        return new DeadLetterFilter(Optional.empty(), Optional.of(age));
    }

    /** These dead letters, and only those of {@code task}. */
    public DeadLetterFilter andTask(String task) {
        return new DeadLetterFilter(Optional.of(task), olderThan);
    }

    /** These dead letters, and only those dead-lettered at least {@code age} ago. */
    public DeadLetterFilter andOlderThan(Duration age) {
        return new DeadLetterFilter(task, Optional.of(age));
    }
}
