package io.quarkiverse.airlock.test.outbox;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;

/**
 * Application code that places an order the usual way into the outbox: a {@code @Transactional @AirlockScope} method
 * enqueues a task for it, whose row is written in the method's transaction.
 */
@Singleton
public class TransactionalOrders {

    @Transactional
    @AirlockScope
    public void place(String task, long order) {
        Airlock.enqueue(task, order);
    }
}
