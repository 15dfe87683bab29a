package io.quarkiverse.airlock.runtime.tx;

import java.util.List;

import jakarta.inject.Singleton;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkiverse.airlock.AirlockException;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.runtime.DispatchDeferral;
import io.quarkiverse.airlock.runtime.executor.BuiltinExecutor;
import io.quarkiverse.airlock.runtime.listener.AirlockListener;
import io.quarkiverse.airlock.runtime.listener.AirlockListeners;

/**
 * Holds back the dispatch of scopes that flush inside a JTA transaction until it completes: one synchronization per
 * transaction collects every scope's intents; a commit dispatches them, a rollback drops them. Registered only when
 * the application has transactions.
 */
@Singleton
public class AfterCommitDeferral implements DispatchDeferral {

    /** Key of our synchronization among the transaction's resources. */
    private static final Object KEY = new Object() {
        @Override
        public String toString() {
            return AfterCommitDeferral.class.getName();
        }
    };

    private final TransactionSynchronizationRegistry registry;
    private final TransactionManager transactions;

    public AfterCommitDeferral(TransactionSynchronizationRegistry registry, TransactionManager transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    @Override
    public boolean defer(List<Intent> intents, IntentExecutor executor) {
        if (executor instanceof BuiltinExecutor && ((BuiltinExecutor) executor).joinsTransaction()) {
            // its dispatch is a write in this very transaction, which commits or rolls back with the business data
            return false;
        }
        // the transaction is looked up once: every lookup through the manager or the registry costs a thread-local and
        // a map access in Narayana
        Transaction transaction = currentTransaction();
        if (transaction == null) {
            return false;
        }
        switch (status(transaction)) {
            case Status.STATUS_ACTIVE:
                return register(transaction, intents, executor);
            case Status.STATUS_MARKED_ROLLBACK:
            case Status.STATUS_ROLLING_BACK:
            case Status.STATUS_ROLLEDBACK:
                AfterCommitDispatch.dropped(intents, "its transaction will roll back");
                return true;
            default:
                // one already completing: nothing to wait for
                return false;
        }
    }

    private boolean register(Transaction transaction, List<Intent> intents, IntentExecutor executor) {
        AfterCommitDispatch pending = (AfterCommitDispatch) registry.getResource(KEY);
        if (pending == null) {
            pending = new AfterCommitDispatch(transactions);
            try {
                // a plain (not interposed) synchronization: its afterCompletion runs once the persistence context and
                // the connections are released, and it skips the ordering wrapper Quarkus puts around interposed ones
                // (measured: a third of the commit overhead)
                transaction.registerSynchronization(pending);
            } catch (RollbackException | IllegalStateException rollbackOnly) {
                AfterCommitDispatch.dropped(intents, "its transaction is marked for rollback");
                return true;
            } catch (SystemException e) {
                throw unavailable(e);
            }
            registry.putResource(KEY, pending);
        }
        pending.add(intents, executor);
        AirlockListener listener = AirlockListeners.installed();
        if (listener != null) {
            listener.deferred(intents);
        }
        return true;
    }

    private Transaction currentTransaction() {
        try {
            return transactions.getTransaction();
        } catch (SystemException e) {
            throw unavailable(e);
        }
    }

    private static int status(Transaction transaction) {
        try {
            return transaction.getStatus();
        } catch (SystemException e) {
            throw unavailable(e);
        }
    }

    private static AirlockException unavailable(SystemException e) {
        return new AirlockException("Airlock could not wait for the commit of the current transaction: " + e, e);
    }
}
