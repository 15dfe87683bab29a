package io.quarkiverse.airlock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts scopes that are entered and not yet exited, across all threads and contexts. A leak shows up as a count that
 * does not return to zero once the application is idle.
 * <p>
 * Entering and exiting a scope is the hot path and the count is read rarely (a gauge, a test), so each platform thread
 * keeps a counter of its own that only it writes, with no atomic instruction, and {@link #count()} sums them. A scope
 * may exit on another thread than the one that entered it: one counter goes up and another down, and the sum stays
 * right. The counter of a thread that has ended is folded into a shared total. Virtual threads are too many and too
 * short-lived to keep a counter each: they share an atomic one.
 */
final class OpenScopes {

    /** The running count of one platform thread: written by that thread only, read by {@link #count()}. */
    static final class Counter {
        private static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(Counter.class, "value", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Thread owner;
        private long value;

        Counter(Thread owner) {
            this.owner = owner;
        }

        void add(long delta) {
            // only the owner writes: a release store publishes the new value to count() without a locked instruction
            VALUE.setRelease(this, value + delta);
        }

        long value() {
            return (long) VALUE.getAcquire(this);
        }
    }

    /** Stands for a virtual thread, whose openings and closings go to {@link #SHARED}. */
    private static final Counter VIRTUAL = new Counter(null);
    private static final LongAdder SHARED = new LongAdder();
    private static final ThreadLocal<Counter> MINE = ThreadLocal.withInitial(OpenScopes::counterOfThisThread);
    /** The counters of platform threads, guarded by itself; only registration and count() take the lock. */
    private static final List<Counter> COUNTERS = new ArrayList<>();

    private OpenScopes() {
    }

    static void opened() {
        add(1);
    }

    static void closed() {
        add(-1);
    }

    private static void add(long delta) {
        Counter counter = MINE.get();
        if (counter == VIRTUAL) {
            SHARED.add(delta);
        } else {
            counter.add(delta);
        }
    }

    static long count() {
        synchronized (COUNTERS) {
            long sum = retireEnded();
            for (int i = 0; i < COUNTERS.size(); i++) {
                sum += COUNTERS.get(i).value();
            }
            return sum;
        }
    }

    private static Counter counterOfThisThread() {
        Thread thread = Thread.currentThread();
        // Thread.isVirtual() is Java 21; this module runs on 17 too
        if (thread.getClass().getName().equals("java.lang.VirtualThread")) {
            return VIRTUAL;
        }
        Counter counter = new Counter(thread);
        synchronized (COUNTERS) {
            retireEnded();
            COUNTERS.add(counter);
        }
        return counter;
    }

    /**
     * Moves the counts of ended threads into the shared total, so the list holds the live threads only; returns the
     * shared total. An ended thread's last write happens-before isAlive() returning false.
     */
    private static long retireEnded() {
        for (Iterator<Counter> counters = COUNTERS.iterator(); counters.hasNext();) {
            Counter counter = counters.next();
            if (!counter.owner.isAlive()) {
                SHARED.add(counter.value());
                counters.remove();
            }
        }
        return SHARED.sum();
    }
}
