package io.quarkiverse.airlock.spi;

import java.util.List;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;

/**
 * An executor of Airlock's own. Intents headed for one are validated against the task handlers at enqueue time, so a
 * wrong name or argument fails at the call site instead of at flush.
 */
public interface BuiltinExecutor extends IntentExecutor {

    /** What the core must know of this executor; read once per scope. */
    default ExecutorTraits traits() {
        return ExecutorTraits.IN_PROCESS;
    }

    /**
     * Checks what only this executor requires of an intent (JSON-serializable arguments, for instance), at enqueue
     * time, after the task handler checks; throws a {@link io.quarkiverse.airlock.UsageException} naming the problem.
     */
    default void checkEnqueued(Intent intent) {
    }

    /**
     * Dispatches what one scope flushes, in order, telling {@code listener} of each intent before it goes. The default
     * dispatches them one by one and stops at the first failure; an executor that can store them together (the outbox
     * writes one batch) overrides it, and then either all of them go or the failure leaves this method.
     */
    default void dispatchAll(List<Intent> intents, AirlockListener listener) {
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            listener.dispatching(intent, this);
            dispatch(intent);
        }
    }

    /**
     * For an executor that {@linkplain ExecutorTraits#joinsTransaction() joins the transaction}: stores {@code intent} now, in
     * the
     * transaction the nested scope flushed in, held back until the enclosing scope that captured it decides. A
     * rollback then takes the stored intent with it, and a commit keeps it even if the process dies before the
     * enclosing scope ends.
     *
     * @return a handle for {@link #release} and {@link #forget}, or {@code null} when this executor holds nothing
     */
    default Object hold(Intent intent) {
        return null;
    }

    /** The enclosing scope flushed and every policy allowed the held intent: it goes on as if dispatched now. */
    default void release(Object held, Intent intent) {
    }

    /** The enclosing scope discarded the held intent, or a policy dropped it: it must never run. */
    default void forget(Object held, Intent intent) {
    }
}
