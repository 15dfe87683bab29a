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
 * <p>
 * The state lives in a {@link ContextSlots slot} of the context, which keeps it once created, emptied, as a thread
 * does: a duplicated context serves one unit of work, and no other context ever receives its slots.
 */
public final class VertxScopeHolder implements ScopeHolder {

    private final ScopeHolder fallback = AirlockHooks.threadLocalScopes();

    @Override
    public ScopeState current() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            return stateOf(context);
        }
        return fallback.current();
    }

    @Override
    public ScopeState currentOrCreate() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ScopeState state = stateOf(context);
            if (state == null) {
                state = new ScopeState();
                ContextSlots.SCOPE_STATE.put(context, state);
            }
            return state;
        }
        return fallback.currentOrCreate();
    }

    @Override
    public void released(ScopeState state) {
        if (state.ownedByThread()) {
            fallback.released(state);
        }
    }

    private static ScopeState stateOf(Context context) {
        try {
            return ContextSlots.SCOPE_STATE.get(context);
        } catch (IllegalArgumentException unregistered) {
            // Vert.x sizes the slots when it starts: this instance started before Airlock's slot was registered
            throw new IllegalStateException("This Vert.x instance has no slot for Airlock's scopes: it was created"
                    + " before " + ContextSlots.class.getName() + " was loaded, which Vert.x does through"
                    + " META-INF/services/io.vertx.core.spi.VertxServiceProvider", unregistered);
        }
    }
}
