package io.quarkiverse.airlock.runtime.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.airlock.runtime.outbox.DefaultAirlockOutbox;
import io.quarkiverse.airlock.runtime.outbox.OutboxSnapshot;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.TaskHandler;
import io.quarkus.runtime.StartupEvent;

/**
 * Meters of the durable outbox: gauges of its table's rows, and counters of what this instance's relay delivers.
 * Registered only when the application has Micrometer and the outbox is enabled. The gauges are read when the registry
 * is scraped, not on the hot path, and all of them share one query of the table (see
 * {@link DefaultAirlockOutbox#snapshot()}).
 */
@Singleton
public class OutboxMetrics {

    static final String PENDING = "airlock.outbox.pending";
    static final String DEAD = "airlock.outbox.dead";
    static final String ROWS = "airlock.outbox.rows";
    static final String OLDEST_DUE_AGE = "airlock.outbox.oldest.due.age";

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    void register(@Observes StartupEvent started, MeterRegistry registry, DefaultAirlockOutbox outbox) {
        gauge(outbox, PENDING, OutboxSnapshot::pending)
                .description("Outbox rows waiting for delivery or for a retry")
                .register(registry);
        gauge(outbox, DEAD, OutboxSnapshot::dead)
                .description("Outbox rows that failed every attempt and wait to be resubmitted")
                .register(registry);
        rows(registry, outbox, "pending", OutboxSnapshot::pending);
        rows(registry, outbox, "held", OutboxSnapshot::held);
        rows(registry, outbox, "dead", OutboxSnapshot::dead);
        rows(registry, outbox, "done", OutboxSnapshot::done);
        gauge(outbox, OLDEST_DUE_AGE, rows -> rows.oldestDueAge().toMillis() / 1000.0)
                .description("How long the outbox row that fell due first has been waiting for a relay; 0 when none "
                        + "is due")
                .baseUnit("seconds")
                .register(registry);
        // the relay reports outcomes from now on; it starts after the application's start-up observers
        outbox.signals(new RelayMeters(registry, declaredTasks()));
    }

    private static void rows(MeterRegistry registry, DefaultAirlockOutbox outbox, String status,
            ToDoubleFunction<OutboxSnapshot> count) {
        gauge(outbox, ROWS, count).tag("status", status)
                .description("Outbox rows by status")
                .register(registry);
    }

    /** A count the database cannot give right now reads as NaN, as Micrometer expects of a gauge. */
    private static Gauge.Builder<?> gauge(DefaultAirlockOutbox outbox, String name,
            ToDoubleFunction<OutboxSnapshot> value) {
        return Gauge.builder(name, () -> {
            try {
                return value.applyAsDouble(outbox.snapshot());
            } catch (RuntimeException e) {
                LOG.debugf(e, "Airlock could not count the outbox rows for gauge %s", name);
                return Double.NaN;
            }
        });
    }

    private static List<String> declaredTasks() {
        List<String> names = new ArrayList<>();
        for (TaskHandler handler : AirlockHooks.tasks().all()) {
            names.add(handler.name());
        }
        return names;
    }
}
