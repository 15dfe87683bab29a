package io.quarkiverse.airlock.runtime.metrics;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.airlock.runtime.outbox.RelaySignals;

/**
 * Counts what the outbox relay delivers and what fails, by task. The {@code task} tag takes only the names of the
 * tasks the application declares, and {@code other} for the rest (a row of a task since removed from the code, or
 * meant for another application): the table's contents must not decide how many series the registry holds. Every
 * meter exists from the start, so that reporting an outcome allocates nothing.
 */
final class RelayMeters implements RelaySignals {

    static final String DELIVERED = "airlock.outbox.delivered";
    static final String FAILED = "airlock.outbox.failed";
    static final String DELIVERY = "airlock.outbox.delivery";
    static final String OTHER = "other";

    private final Map<String, TaskMeters> declared;
    private final TaskMeters other;

    RelayMeters(MeterRegistry registry, Collection<String> tasks) {
        Map<String, TaskMeters> byName = new HashMap<>();
        for (String task : tasks) {
            byName.put(task, new TaskMeters(registry, task));
        }
        this.declared = byName;
        this.other = new TaskMeters(registry, OTHER);
    }

    @Override
    public void delivered(String task, long nanos) {
        TaskMeters meters = meters(task);
        meters.delivered.increment();
        meters.delivery.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(String task, boolean deadLettered) {
        TaskMeters meters = meters(task);
        (deadLettered ? meters.dead : meters.retried).increment();
    }

    private TaskMeters meters(String task) {
        TaskMeters meters = task == null ? null : declared.get(task);
        return meters != null ? meters : other;
    }

    /** The meters of one task. */
    private static final class TaskMeters {

        final Counter delivered;
        final Counter retried;
        final Counter dead;
        final Timer delivery;

        TaskMeters(MeterRegistry registry, String task) {
            delivered = Counter.builder(DELIVERED).description("Outbox rows delivered by the relay of this instance")
                    .tag("task", task).register(registry);
            retried = failed(registry, task, "retry");
            dead = failed(registry, task, "dead");
            delivery = Timer.builder(DELIVERY).description("Time the handler (or hand-off) of a delivered outbox row took")
                    .tag("task", task).register(registry);
        }

        private static Counter failed(MeterRegistry registry, String task, String outcome) {
            return Counter.builder(FAILED)
                    .description("Failed attempts of outbox rows: retried later, or dead-lettered after the last one")
                    .tags("task", task, "outcome", outcome).register(registry);
        }
    }
}
