package io.quarkiverse.airlock.spi;

/**
 * Keeps the scope state per thread. A thread keeps its (emptied) state object once created so that entering and
 * leaving scopes on a busy thread costs two field writes instead of thread-local map churn; an empty state holds no
 * reference to any scope, intent or policy. A thread looks in {@link ThreadStateSlots} first, and in the thread-local
 * when its slot is another thread's.
 */
public final class ThreadLocalScopeHolder implements ScopeHolder {

    private static final ThreadLocal<ScopeState> STATE = ThreadLocal.withInitial(ThreadLocalScopeHolder::create);

    private static ScopeState create() {
        ScopeState state = OpenScopes.ofThisThread();
        ThreadStateSlots.claim(state);
        return state;
    }

    @Override
    public ScopeState current() {
        ScopeState state = ThreadStateSlots.find(Thread.currentThread());
        return state != null ? state : STATE.get();
    }

    @Override
    public ScopeState currentOrCreate() {
        // the thread-local creates a thread's state on its first look-up: there is always a current one
        return current();
    }

    @Override
    public void released(ScopeState state) {
        // the emptied state is reused by the next unit of work on this thread
    }
}
