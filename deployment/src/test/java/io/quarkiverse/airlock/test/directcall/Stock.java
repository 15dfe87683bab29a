package io.quarkiverse.airlock.test.directcall;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.AirlockTask;

/** A task whose caller uses its result, the number of reservations so far: a direct call to it cannot wait. */
@Singleton
public class Stock {

    private final AtomicInteger reservations = new AtomicInteger();

    @AirlockTask
    public int count(long order) {
        return reservations.incrementAndGet();
    }

    public int countNow(long order) {
        return count(order);
    }
}
