package io.quarkiverse.airlock.spi;

/**
 * Keeps the scope state per thread. A thread keeps its (emptied) state object once created so that entering and
 * leaving scopes on a busy thread costs two field writes instead of thread-local map churn; an empty state holds no
 * reference to any scope, intent or policy.
 */
public final class ThreadLocalScopeHolder implements ScopeHolder {

    private static final ThreadLocal<ScopeState> STATE = ThreadLocal.withInitial(OpenScopes::ofThisThread);

    @Override
    public ScopeState current() {
        return STATE.get();
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
