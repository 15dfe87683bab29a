package io.quarkiverse.airlock.it.isolation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.BlockTasks;

/**
 * The intents one request enqueues: five records numbered 0 to 4, one inside a local policy block next to a blocked
 * task, one from a nested scope. Split in steps so that endpoints can put thread hops between them.
 */
@ApplicationScoped
public class UnitOfWork {

    /** What a whole unit of work records, in order, once its scope flushed. */
    public static final List<Integer> RECORDS = List.of(0, 1, 2, 3, 4);

    public void first(String requestId) {
        Airlock.enqueue("record", requestId, 0);
        Airlock.enqueue("record", requestId, 1);
    }

    public void second(String requestId) {
        Airlock.policy(new BlockTasks("blocked"), () -> {
            Airlock.enqueue("record", requestId, 2);
            Airlock.enqueue("blocked", requestId);
        });
        nested(requestId);
    }

    @AirlockScope
    void nested(String requestId) {
        Airlock.enqueue("record", requestId, 3);
    }

    public void third(String requestId) {
        Airlock.enqueue("record", requestId, 4);
    }

    /** Every step on the calling thread, which blocks for a moment between the first two. */
    public void blocking(String requestId, int number) throws InterruptedException {
        first(requestId);
        Thread.sleep(number % 3);
        second(requestId);
        third(requestId);
    }

    /** Requests whose number is a multiple of this fail, half with a 4xx answer and half with an exception. */
    public static final int FAILING_EVERY = 7;

    public static boolean fails(int number) {
        return number % FAILING_EVERY == 0;
    }
}
