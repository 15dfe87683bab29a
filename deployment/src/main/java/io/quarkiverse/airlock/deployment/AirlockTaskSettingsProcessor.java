package io.quarkiverse.airlock.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.quarkiverse.airlock.deployment.exception.InvalidTaskSettingsException;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.config.Durations;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/**
 * Checks {@code quarkus.airlock.tasks."name".*} at build time: each name is a declared task, each value in range. A
 * misspelt task name would otherwise be ignored, and its rows retried on the outbox's schedule.
 */
class AirlockTaskSettingsProcessor {

    @BuildStep
    void validate(AirlockConfig config, AirlockTasksBuildItem tasks, BuildProducer<ValidationErrorBuildItem> errors) {
        if (config.tasks().isEmpty()) {
            return;
        }
        Set<String> declared = new TreeSet<>();
        tasks.tasks().forEach(task -> declared.add(task.name()));
        List<Throwable> problems = new ArrayList<>();
        for (Map.Entry<String, AirlockConfig.Task> entry : config.tasks().entrySet()) {
            String name = entry.getKey();
            String prefix = "quarkus.airlock.tasks.\"" + name + "\".";
            if (!declared.contains(name)) {
                problems.add(new InvalidTaskSettingsException(prefix + "* names no @AirlockTask: declared tasks are "
                        + declared + ". Use the task's name as @AirlockTask gives it (the method's name when the"
                        + " annotation has none)."));
                continue;
            }
            AirlockConfig.Task settings = entry.getValue();
            settings.maxAttempts().ifPresent(attempts -> {
                if (attempts < 1) {
                    problems.add(new InvalidTaskSettingsException(prefix + "max-attempts=" + attempts
                            + " must be at least 1"));
                }
            });
            positive(problems, prefix + "initial-backoff", settings.initialBackoff());
            positive(problems, prefix + "max-backoff", settings.maxBackoff());
            if (settings.initialBackoff().isPresent() && settings.maxBackoff().isPresent()
                    && settings.initialBackoff().get().compareTo(settings.maxBackoff().get()) > 0) {
                problems.add(new InvalidTaskSettingsException(prefix + "initial-backoff is longer than " + prefix
                        + "max-backoff: the first wait cannot exceed the longest one"));
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
    }

    private static void positive(List<Throwable> problems, String property, Optional<Duration> value) {
        if (value.isPresent() && (value.get().isZero() || value.get().isNegative())) {
            problems.add(new InvalidTaskSettingsException(property + "=" + Durations.human(value.get())
                    + " must be longer than zero"));
        }
    }
}
