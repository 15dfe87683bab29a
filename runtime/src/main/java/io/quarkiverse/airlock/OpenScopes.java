package io.quarkiverse.airlock;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts scopes that are entered and not yet exited, across all threads and contexts. A leak shows up as a count that
 * does not return to zero once the application is idle.
 */
final class OpenScopes {

    private static final LongAdder OPEN = new LongAdder();

    private OpenScopes() {
    }

    static void opened() {
        OPEN.increment();
    }

    static void closed() {
        OPEN.decrement();
    }

    static long count() {
        return OPEN.sum();
    }
}
