package io.quarkiverse.airlock.spi;

/**
 * Finds a thread's own {@link ScopeState} by the thread's id in a small shared table, before the thread-local. Every
 * enqueue, scope entry and exit looks the state up, and {@code ThreadLocal.get} walks a chain of dependent loads (the
 * thread's map, its table, the entry, the entry's weak referent) that costs about a fifth of an enqueue; a slot is the
 * low bits of the thread id, one array load and one compare.
 * <p>
 * A thread claims its slot once, when its state is created, and keeps it while it is alive: two busy threads whose ids
 * share a slot never take it from each other in turn, and the table is written once per thread at most. The one
 * without the slot reads the thread-local, as before. A slot whose thread has ended goes to the next thread created on
 * it. The table is read without synchronization: a thread may see a stale slot or another thread's state, and then
 * {@link ScopeState#owner()}, a final field, tells it that the state is not its own.
 * <p>
 * A slot keeps the state (and {@code Thread} object) of a thread that has ended until another thread claims it: at most
 * {@link #SLOTS} of them, each empty once its thread left its scopes.
 */
final class ThreadStateSlots {

    /** Enough for the event loops and a busy worker pool; a thread without a slot is only as fast as before. */
    static final int SLOTS = 256;

    // read by every thread and written once per thread at most: no padding, lines that are only read share cheaply
    private static final ScopeState[] TABLE = new ScopeState[SLOTS];

    private ThreadStateSlots() {
    }

    /** {@code thread}'s state if it holds its slot, otherwise null. */
    static ScopeState find(Thread thread) {
        ScopeState state = TABLE[slotOf(thread)];
        return state != null && state.owner() == thread ? state : null;
    }

    /** Gives {@code state}'s thread its slot unless a live thread holds it. */
    static void claim(ScopeState state) {
        int slot = slotOf(state.owner());
        ScopeState holder = TABLE[slot];
        if (holder == null || !holder.owner().isAlive()) {
            TABLE[slot] = state;
        }
    }

    /** What {@code slot} holds now, for tests. */
    static ScopeState inSlot(int slot) {
        return TABLE[slot];
    }

    static int slotOf(Thread thread) {
        // ids are handed out in sequence, so threads created together take different slots
        return (int) thread.getId() & (SLOTS - 1);
    }
}
