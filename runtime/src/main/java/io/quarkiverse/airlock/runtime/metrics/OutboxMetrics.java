package io.quarkiverse.airlock.runtime.metrics;

import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkus.runtime.StartupEvent;

/**
 * Gauges of the durable outbox: rows waiting for delivery and dead letters. Registered only when the application has
 * Micrometer and the outbox is enabled. Each read is a count query on the outbox table, run when the registry is
 * scraped, not on the hot path.
 */
@Singleton
public class OutboxMetrics {

    static final String PENDING = "airlock.outbox.pending";
    static final String DEAD = "airlock.outbox.dead";

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    void register(@Observes StartupEvent started, MeterRegistry registry, AirlockOutbox outbox) {
        Gauge.builder(PENDING, outbox, counting(AirlockOutbox::pendingCount))
                .description("Outbox rows waiting for delivery or for a retry")
                .register(registry);
        Gauge.builder(DEAD, outbox, counting(AirlockOutbox::deadLetterCount))
                .description("Outbox rows that failed every attempt and wait to be resubmitted")
                .register(registry);
    }

    /** A count the database cannot give right now reads as NaN, as Micrometer expects of a gauge. */
    private static ToDoubleFunction<AirlockOutbox> counting(ToLongFunction<AirlockOutbox> count) {
        return outbox -> {
            try {
                return count.applyAsLong(outbox);
            } catch (RuntimeException e) {
                LOG.debugf(e, "Airlock could not count the outbox rows for a gauge");
                return Double.NaN;
            }
        };
    }
}
