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

    /**
     * Runs {@code work} in a new transaction that times out after {@code timeout}: committed when it returns true,
     * rolled back when it returns false or throws.
     *
     * @return what {@code work} returned
     * @throws Exception what {@code work} threw, or why the commit failed (the handler's transaction was marked for
     *         rollback, a constraint failed at commit, the timeout passed)
     */
    boolean run(Duration timeout, Callable<Boolean> work) throws Exception;

    /** A JTA transaction of the application's transaction manager (Narayana). */
    static RowTransaction jta(TransactionManager transactions) {
        return (timeout, work) -> {
            transactions.setTransactionTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            try {
                transactions.begin();
            } finally {
                transactions.setTransactionTimeout(0);
            }
            boolean commit;
            try {
                commit = work.call();
            } catch (Exception | Error failure) {
                rollback(transactions, failure);
                throw failure;
            }
            if (commit) {
                transactions.commit();
            } else {
                transactions.rollback();
            }
            return commit;
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
