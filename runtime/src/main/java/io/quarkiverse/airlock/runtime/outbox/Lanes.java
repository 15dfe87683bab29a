package io.quarkiverse.airlock.runtime.outbox;

import java.util.function.Consumer;

/**
 * Where a relay runs its rows: how many at once, and on which threads. A lane runs one row at a time and records its
 * outcome before it takes the next, so a crash replays at most one row per lane.
 *
 * @param size how many rows run at once
 * @param rowPerTask whether each row gets a task of its own (on a pool, so that each runs on a fresh context), or a
 *        lane keeps its thread while rows are queued
 * @param executor starts a lane's task on a thread of its own
 */
public record Lanes(int size, boolean rowPerTask, Consumer<Runnable> executor) {

    public Lanes {
        if (size < 1) {
            throw new IllegalArgumentException("A relay needs at least one lane, not " + size);
        }
    }

    /**
     * One lane on a daemon thread of the relay's own, {@code name}: rows run one after the other, as with the
     * {@code sync} executor. A thread lives while rows are queued; one whose handler outlives its timeout is left
     * behind and a new thread takes over.
     */
    public static Lanes dedicated(String name) {
        return new Lanes(1, false, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** {@code size} rows at once, each a task of its own on a pool (the worker pool). */
    public static Lanes onPool(int size, Consumer<Runnable> submit) {
        return new Lanes(size, true, submit);
    }
}
