package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;
import java.util.concurrent.Callable;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

/**
 * The transaction a row's handler runs in together with the statement that marks the row done, so that the handler's
 * own writes to the outbox's database commit with the row's completion or not at all.
 */
public interface RowTransaction {

    /** No transaction: the handler runs, then the row's outcome is recorded on its own. */
    RowTransaction NONE = null;

    /** How a row's transaction ended, when it did not throw. */
    enum Ending {
        /** The handler's writes and the row's completion committed together. */
        COMPLETED,
        /** The completion found the row no longer the relay's: the handler's writes rolled back. */
        NOT_OURS,
        /**
         * The handler wrote nothing through the transaction (no resource enlisted, no synchronization registered): it
         * committed empty, and the row's completion is left to be recorded on its own, with other lanes' rows.
         */
        NOTHING_WRITTEN
    }

    /**
     * Runs {@code handler} in a new transaction that times out after {@code timeout}; then, if the handler wrote
     * through the transaction, {@code completion} in the same transaction: committed when it returns true, rolled back
     * when it returns false.
     *
     * @throws Exception what the handler or the completion threw (the transaction is rolled back), or why the commit
     *         failed (the handler's transaction was marked for rollback, a constraint failed at commit, the timeout
     *         passed)
     */
    Ending run(Duration timeout, Runnable handler, Callable<Boolean> completion) throws Exception;

    /** A JTA transaction of the application's transaction manager (Narayana). */
    static RowTransaction jta(TransactionManager transactions) {
        return (timeout, handler, completion) -> {
            transactions.setTransactionTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            try {
                transactions.begin();
            } finally {
                transactions.setTransactionTimeout(0);
            }
            boolean commit;
            try {
                handler.run();
                if (!TransactionFootprint.wroteThrough(transactions.getTransaction())) {
                    transactions.commit();
                    return Ending.NOTHING_WRITTEN;
                }
                commit = completion.call();
            } catch (Exception | Error failure) {
                rollback(transactions, failure);
                throw failure;
            }
            if (commit) {
                transactions.commit();
                return Ending.COMPLETED;
            }
            transactions.rollback();
            return Ending.NOT_OURS;
        };
    }

    private static void rollback(TransactionManager transactions, Throwable failure) {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
