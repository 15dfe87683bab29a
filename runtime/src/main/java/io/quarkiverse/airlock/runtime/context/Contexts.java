package io.quarkiverse.airlock.runtime.context;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * Duplicated contexts for units of work that outlive a synchronous call. A scope kept open across asynchronous steps
 * must live on a duplicated context: a thread-local would be seen by every request the thread serves meanwhile, and a
 * root context is shared by all of them.
 */
public final class Contexts {

    private Contexts() {
    }

    /** The caller's duplicated context, or a new one when the caller runs on a root context or none. */
    public static Context duplicatedContext(Vertx vertx) {
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)) {
            return current;
        }
        return fresh(vertx);
    }

    /** A new duplicated context, unrelated to the caller's unit of work. */
    public static Context fresh(Vertx vertx) {
        Context current = Vertx.currentContext();
        Context fresh = VertxContext.createNewDuplicatedContext(current != null ? current : vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(fresh, true);
        return fresh;
    }

    /**
     * A new duplicated context that carries what the caller's duplicated context holds (the request context, trace
     * context...) except Airlock's scope state. A scope that outlives the call opening it lives on one of its own, so
     * that scopes overlapping on one unit of work (two asynchronous results awaited together) never see each other.
     */
    public static Context fork(Vertx vertx) {
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)) {
            return fork(current);
        }
        return fresh(vertx);
    }

    /** The same, from {@code origin}, a duplicated context. */
    public static Context fork(Context origin) {
        Context fork = VertxContext.createNewDuplicatedContext(origin);
        VertxContextSafetyToggle.setContextSafe(fork, true);
        // Airlock's scope state is in a slot of its own, which is not copied
        ((ContextInternal) fork).localContextData().putAll(((ContextInternal) origin).localContextData());
        return fork;
    }

    /**
     * Runs {@code action} now, on the calling thread, with {@code context} as the current context. Exceptions reach
     * the caller.
     */
    public static void runOn(Context context, Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
            return;
        }
        ContextInternal target = (ContextInternal) context;
        ContextInternal previous = target.beginDispatch();
        try {
            action.run();
        } finally {
            target.endDispatch(previous);
        }
    }
}
