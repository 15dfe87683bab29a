package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.config.AirlockRuntimeConfig;
import io.quarkiverse.airlock.runtime.config.Durations;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Checks the outbox's run-time settings at start-up, so that a value that cannot work (a batch of zero rows, a poll
 * interval of zero...) stops the application with the property's name instead of misbehaving later.
 */
final class OutboxSettings {

    private static final String PREFIX = "quarkus.airlock.outbox.";

    private OutboxSettings() {
    }

    /** @throws ConfigurationException naming every property whose value is out of range */
    static OutboxRelay.Settings validated(AirlockRuntimeConfig.Outbox tuning, Map<String, AirlockConfig.Task> tasks) {
        List<String> problems = new ArrayList<>();
        atLeastOne(problems, "batch-size", tuning.batchSize());
        atLeastOne(problems, "max-attempts", tuning.maxAttempts());
        positive(problems, "poll-interval", tuning.pollInterval());
        positive(problems, "lease", tuning.lease());
        positive(problems, "handler-timeout", tuning.handlerTimeout());
        atLeastOne(problems, "worker-concurrency", tuning.workerConcurrency());
        positive(problems, "hold-timeout", tuning.holdTimeout());
        positive(problems, "initial-backoff", tuning.initialBackoff());
        positive(problems, "max-backoff", tuning.maxBackoff());
        if (tuning.initialBackoff().compareTo(tuning.maxBackoff()) > 0) {
            problems.add(PREFIX + "initial-backoff=" + Durations.human(tuning.initialBackoff()) + " is longer than "
                    + PREFIX + "max-backoff=" + Durations.human(tuning.maxBackoff())
                    + ": the first wait cannot exceed the longest one");
        }
        if (tuning.retention().isNegative()) {
            problems.add(PREFIX + "retention=" + Durations.human(tuning.retention())
                    + " is negative: use 0s to delete delivered rows at once");
        }
        Map<String, RetrySchedule> taskRetries = new HashMap<>();
        tasks.forEach((task, own) -> {
            Duration initial = own.initialBackoff().orElse(tuning.initialBackoff());
            Duration max = own.maxBackoff().orElse(tuning.maxBackoff());
            if (initial.compareTo(max) > 0) {
                problems.add("the first wait of task '" + task + "' (" + Durations.human(initial) + ") is longer than its"
                        + " longest (" + Durations.human(max) + "): set quarkus.airlock.tasks.\"" + task
                        + "\".initial-backoff and max-backoff so that the first is not the longer");
            }
            taskRetries.put(task, new RetrySchedule(own.maxAttempts().orElse(tuning.maxAttempts()),
                    new Backoff(initial, max)));
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid Airlock outbox configuration: " + String.join("; ", problems));
        }
        return new OutboxRelay.Settings(tuning.batchSize(), tuning.pollInterval(), tuning.maxAttempts(),
                new Backoff(tuning.initialBackoff(), tuning.maxBackoff()), tuning.lease(), tuning.retention(),
                tuning.handlerTimeout(), Map.copyOf(taskRetries));
    }

    private static void atLeastOne(List<String> problems, String property, int value) {
        if (value < 1) {
            problems.add(PREFIX + property + "=" + value + " must be at least 1");
        }
    }

    private static void positive(List<String> problems, String property, Duration value) {
        if (value.isZero() || value.isNegative()) {
            problems.add(PREFIX + property + "=" + Durations.human(value) + " must be longer than zero");
        }
    }
}
