package it.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;

/**
 * The outbox benchmark's workload: transactions that enqueue nothing but intents, and a handler that only counts, so
 * the numbers are the outbox's own cost.
 */
@ApplicationScoped
public class BenchTasks {

    public static final AtomicLong RELAYED = new AtomicLong();

    /** Commits {@code count} intents of the {@code bench} task in one transaction. */
    @Transactional
    public void commit(int from, int count) {
        Airlock.scope(scope -> {
            for (int i = from; i < from + count; i++) {
                Airlock.enqueue("bench", i);
            }
        });
    }

    /** Commits {@code count} intents of the {@code bench} task in one transaction, due after {@code delay}. */
    @Transactional
    public void commitLater(int from, int count, Duration delay) {
        Airlock.scope(scope -> {
            for (int i = from; i < from + count; i++) {
                Airlock.intent("bench").args(i).option("delay", delay).enqueue();
            }
        });
    }

    @AirlockTask("bench")
    void bench(int value) {
        RELAYED.incrementAndGet();
    }
}
