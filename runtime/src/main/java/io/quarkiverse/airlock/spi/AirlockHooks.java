package io.quarkiverse.airlock.spi;

import java.util.Collection;
import java.util.List;

/**
 * Everything an integration installs into the plain-Java core, in one place: where the current scope lives, who
 * listens, how traces travel, who defers dispatch to a transaction's end, and which task handlers exist. Plain Java
 * runs with the defaults (scopes per thread, nothing else); the Quarkus runtime installs its hooks at start-up and
 * {@link #reset()}s them at shutdown, so that dev-mode restarts and tests start clean.
 * <p>
 * Each hook is one volatile field: reading it on a hot path costs a plain load, and a hook that is not installed is a
 * {@code null} the caller skips.
 */
public final class AirlockHooks {

    private static final ScopeHolder THREAD_LOCAL_SCOPES = new ThreadLocalScopeHolder();

    private static volatile ScopeHolder scopes = THREAD_LOCAL_SCOPES;
    private static volatile AirlockListener listener;
    private static volatile DispatchTracing tracing;
    private static volatile DispatchDeferral deferral;
    private static volatile TaskRegistry tasks = TaskRegistry.NONE;

    private AirlockHooks() {
    }

    /** Where the current scope lives: per thread unless an integration binds it elsewhere. */
    public static ScopeHolder scopes() {
        return scopes;
    }

    /** The per-thread holder, the default and the fallback of holders that bind scopes elsewhere. */
    public static ScopeHolder threadLocalScopes() {
        return THREAD_LOCAL_SCOPES;
    }

    /** @param holder where scopes live from now on; {@code null} restores the per-thread default */
    public static void installScopes(ScopeHolder holder) {
        scopes = holder == null ? THREAD_LOCAL_SCOPES : holder;
    }

    /** The listener to call, or null when nobody listens. */
    public static AirlockListener listener() {
        return listener;
    }

    /** Replaces the installed listeners; an empty list (or null) turns listening off. */
    public static void installListeners(List<? extends AirlockListener> listeners) {
        listener = AirlockListeners.guarded(listeners);
    }

    /** Carries traces from enqueue to dispatch, or null without tracing. */
    public static DispatchTracing tracing() {
        return tracing;
    }

    public static void installTracing(DispatchTracing dispatchTracing) {
        tracing = dispatchTracing;
    }

    /** Takes over the dispatch of a scope that flushes inside a transaction, or null without transactions. */
    public static DispatchDeferral deferral() {
        return deferral;
    }

    public static void installDeferral(DispatchDeferral dispatchDeferral) {
        deferral = dispatchDeferral;
    }

    /** The task handlers; {@link TaskRegistry#NONE} (nothing checked at enqueue) until an integration installs them. */
    public static TaskRegistry tasks() {
        return tasks;
    }

    /** @param handlers the application's task handlers; {@code null} removes them */
    public static void installTasks(Collection<TaskHandler> handlers) {
        tasks = handlers == null ? TaskRegistry.NONE : TaskRegistry.of(handlers);
    }

    /** Back to plain Java: scopes per thread, no listener, tracing, deferral or task handlers. */
    public static void reset() {
        scopes = THREAD_LOCAL_SCOPES;
        listener = null;
        tracing = null;
        deferral = null;
        tasks = TaskRegistry.NONE;
    }
}
