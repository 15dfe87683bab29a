package it.outbox.peer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer's side of the benchmark's workload: the handler of its intents, which only counts, as Airlock's
 * {@code bench} task does. The peer calls it by reflection through a proxy of this class, so it is public and not final.
 */
public class BenchHandler {

    static final AtomicLong HANDLED = new AtomicLong();

    public void handle(int value) {
        HANDLED.incrementAndGet();
    }
}
