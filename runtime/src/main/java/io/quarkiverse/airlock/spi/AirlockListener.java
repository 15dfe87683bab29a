package io.quarkiverse.airlock.spi;

import java.util.List;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * Told what happens to scopes and intents: for the Dev UI, metrics, traces or an audit log. In Quarkus every bean
 * implementing it is installed at start-up; plain Java installs them with {@link AirlockListeners#install(List)}.
 * <p>
 * Callbacks run synchronously on the thread doing the work, so they must be quick, must not block and must not
 * throw; a listener that throws is logged and the work goes on. Scope and intent objects are live: read them, do not
 * keep them beyond what the listener needs.
 */
public interface AirlockListener {

    /** Listens to nothing: for callers that would rather call than check for a listener. */
    AirlockListener NONE = new AirlockListener() {
        @Override
        public String toString() {
            return "no listener";
        }
    };

    /** {@code scope} became the current scope where the caller runs. */
    default void scopeEntered(Scope scope) {
    }

    /** {@code scope} stopped being current; it is about to be flushed or discarded. */
    default void scopeExited(Scope scope) {
    }

    /** {@code intent} was buffered in {@code scope}. */
    default void enqueued(Scope scope, Intent intent) {
    }

    /** A nested scope flushed and {@code outer} took {@code intent}: it escapes only when {@code outer} flushes. */
    default void captured(Scope outer, Intent intent) {
    }

    /** {@code policy} (the scope's or a local one) did not allow {@code intent} when {@code scope} flushed. */
    default void dropped(Scope scope, Intent intent, Policy policy) {
    }

    /**
     * {@code scope} was discarded with its intents.
     *
     * @param reason why, when the caller said so (an exception, an HTTP error status), otherwise null
     */
    default void discarded(Scope scope, List<Intent> intents, String reason) {
    }

    /** The intents left a flushing scope but wait for the surrounding transaction to commit. */
    default void deferred(List<Intent> intents) {
    }

    /** The transaction the intents waited for rolled back: they are dropped. */
    default void rolledBack(List<Intent> intents) {
    }

    /** {@code intent} is handed to {@code executor}. */
    default void dispatching(Intent intent, IntentExecutor executor) {
    }

    /**
     * A handler (or in-process action) ran for {@code intent} in this process.
     *
     * @param nanos how long it ran
     * @param failure what it threw, or null
     */
    default void handled(Intent intent, long nanos, Throwable failure) {
    }
}
