package io.quarkiverse.airlock.runtime.context;

import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.ScopeHolder;
import io.quarkiverse.airlock.spi.ScopeState;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Binds the scope state to the Vert.x duplicated context the caller runs on, so that a unit of work keeps its scope as
 * it hops between the event loop, worker threads and virtual threads, and units of work sharing a thread never see each
 * other's. Off a duplicated context (a plain thread, or a root context that many requests share) it falls back to the
 * thread, and only for code that enters and leaves within one synchronous call.
 */
public final class VertxScopeHolder implements ScopeHolder {

    static final String KEY = VertxScopeHolder.class.getName();

    private final ScopeHolder fallback = AirlockHooks.threadLocalScopes();

    @Override
    public ScopeState current() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            return context.getLocal(KEY);
        }
        return fallback.current();
    }

    @Override
    public ScopeState currentOrCreate() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ScopeState state = context.getLocal(KEY);
            if (state == null) {
                state = new ScopeState();
                context.putLocal(KEY, state);
            }
            return state;
        }
        return fallback.currentOrCreate();
    }

    @Override
    public void released(ScopeState state) {
        if (!state.isEmpty()) {
            return;
        }
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context) && context.getLocal(KEY) == state) {
            context.removeLocal(KEY);
        }
    }
}
