package io.quarkiverse.airlock.spi;

import java.util.List;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;

/**
 * May take over the dispatch of a flushing scope, to run it later: after the surrounding transaction commits, for
 * instance. Installed by the Quarkus runtime when an integration needs it; plain Java has none.
 */
public interface DispatchDeferral {

    /**
     * @return true when the deferral took the intents (to dispatch them later, or to drop them); false to dispatch
     *         them now
     */
    boolean defer(List<Intent> intents, IntentExecutor executor);

    /**
     * The gate of the transaction the caller runs in, or {@code null} outside one; {@link TransactionGate#ROLLED_BACK}
     * for one that can only roll back. Asked when an enclosing scope captures the intents of a scope that flushes
     * here, so that they wait for this transaction wherever the enclosing scope ends.
     */
    default TransactionGate gate() {
        return null;
    }

    /**
     * The transaction the caller runs in, as a handle for {@link #runIn}, or {@code null} outside one. A scope whose
     * end comes after the call that opened it (an asynchronous result) keeps it, because its transaction is no longer
     * associated with the thread that ends it.
     */
    default Object currentTransaction() {
        return null;
    }

    /**
     * Runs {@code action} with {@code transaction} associated with the calling thread when it has not ended, then
     * restores the thread's own association.
     *
     * @return {@link TransactionOutcome#ACTIVE} when the action ran inside the transaction (which may be marked for
     *         rollback), {@link TransactionOutcome#COMMITTED} when it ran after the commit, outside any transaction;
     *         {@link TransactionOutcome#ROLLED_BACK} or {@link TransactionOutcome#UNKNOWN} when it did not run
     */
    default TransactionOutcome runIn(Object transaction, Runnable action) {
        action.run();
        return TransactionOutcome.ACTIVE;
    }

}
