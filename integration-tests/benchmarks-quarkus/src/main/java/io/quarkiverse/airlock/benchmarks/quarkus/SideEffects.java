package io.quarkiverse.airlock.benchmarks.quarkus;

import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import io.quarkiverse.airlock.AirlockTask;

/**
 * The same trivial side effect reached two ways: as an Airlock task and as a CDI observer that runs after a
 * successful commit. Both only count, so what is measured is the machinery around them.
 */
@Singleton
public class SideEffects {

    private final LongAdder airlock = new LongAdder();
    private final LongAdder observer = new LongAdder();

    @AirlockTask
    void notifyWarehouse(long orderId) {
        airlock.increment();
    }

    void onOrderPlaced(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderPlaced event) {
        observer.increment();
    }

    public long airlockRuns() {
        return airlock.sum();
    }

    public long observerRuns() {
        return observer.sum();
    }
}
