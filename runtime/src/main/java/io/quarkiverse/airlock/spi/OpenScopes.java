package io.quarkiverse.airlock.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts scopes that are entered and not yet exited, across all threads and contexts: the figure behind
 * {@code Airlock.openScopes()}. A leak shows up as a count that does not return to zero once the application is idle.
 * <p>
 * Entering and exiting a scope is the hot path and the count is read rarely (a gauge, a test), so each platform thread
 * counts in its own {@link ScopeState}, which only it writes, with no atomic instruction, and {@link #count()} sums
 * them. A scope entered in the thread's own state counts there without a second lookup. A scope bound to a place
 * threads share (a Vert.x context) may exit on another thread than the one that entered it: one thread's count goes up
 * and another's down, and the sum stays right. The count of a thread that has ended is folded into a shared total.
 * Virtual threads are too many and too short-lived to be listed: they share an atomic count.
 */
public final class OpenScopes {

    private static final LongAdder SHARED = new LongAdder();
    /** The states of live platform threads, guarded by itself; only registration and count() take the lock. */
    private static final List<ScopeState> THREADS = new ArrayList<>();

    private OpenScopes() {
    }

    /** Counts a scope entered where {@code state} is current. */
    public static void opened(ScopeState state) {
        add(state, 1);
    }

    /** Counts a scope exited where {@code state} is current. */
    public static void closed(ScopeState state) {
        add(state, -1);
    }

    private static void add(ScopeState state, long delta) {
        ScopeState own = state.ownedByThread() ? state : AirlockHooks.threadLocalScopes().currentOrCreate();
        if (own.countsOpenScopes()) {
            own.addOpenScopes(delta);
        } else {
            SHARED.add(delta);
        }
    }

    /** Scopes entered and not exited, summed over every thread. */
    public static long count() {
        synchronized (THREADS) {
            long sum = retireEnded();
            for (int i = 0; i < THREADS.size(); i++) {
                sum += THREADS.get(i).openScopes();
            }
            return sum;
        }
    }

    /** The state of the calling thread: one that counts its own scopes on a platform thread, the shared count's else. */
    static ScopeState ofThisThread() {
        Thread thread = Thread.currentThread();
        // Thread.isVirtual() is Java 21; this module runs on 17 too
        if (thread.getClass().getName().equals("java.lang.VirtualThread")) {
            return new ScopeState(thread, false);
        }
        ScopeState state = new ScopeState(thread, true);
        synchronized (THREADS) {
            retireEnded();
            THREADS.add(state);
        }
        return state;
    }

    /**
     * Moves the counts of ended threads into the shared total, so the list holds the live threads only; returns the
     * shared total. An ended thread's last write happens-before isAlive() returning false.
     */
    private static long retireEnded() {
        for (Iterator<ScopeState> states = THREADS.iterator(); states.hasNext();) {
            ScopeState state = states.next();
            if (!state.counter().isAlive()) {
                SHARED.add(state.openScopes());
                states.remove();
            }
        }
        return SHARED.sum();
    }
}
