package io.quarkiverse.airlock.runtime.tx;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple;

import io.quarkiverse.airlock.AirlockException;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkiverse.airlock.spi.DispatchDeferral;
import io.quarkiverse.airlock.spi.ExecutorTraits;
import io.quarkiverse.airlock.spi.TransactionGate;
import io.quarkiverse.airlock.spi.TransactionOutcome;

/**
 * Holds back the dispatch of scopes that flush inside a JTA transaction until it completes: one synchronization per
 * transaction collects every scope's intents; a commit dispatches them, a rollback drops them. Registered only when
 * the application has transactions.
 */
@Singleton
public class AfterCommitDeferral implements DispatchDeferral {

    /** Key of our synchronization among the transaction's resources. */
    private static final TransactionResourceKey KEY = new TransactionResourceKey(AfterCommitDeferral.class);

    @Inject
    TransactionSynchronizationRegistry registry;
    @Inject
    TransactionManager transactions;

    @Override
    public boolean defer(List<Intent> intents, IntentExecutor executor) {
        if (ExecutorTraits.of(executor).joinsTransaction()) {
            // its dispatch is a write in this very transaction, which commits or rolls back with the business data
            return false;
        }
        // the transaction is looked up once: every lookup through the manager or the registry costs a thread-local and
        // a map access in Narayana
        Transaction transaction = transaction();
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

    @Override
    public TransactionGate gate() {
        Transaction transaction = transaction();
        if (transaction == null) {
            return null;
        }
        switch (status(transaction)) {
            case Status.STATUS_ACTIVE:
                AfterCommitDispatch pending = pending(transaction);
                return pending != null ? pending : TransactionGate.ROLLED_BACK;
            case Status.STATUS_MARKED_ROLLBACK:
            case Status.STATUS_ROLLING_BACK:
            case Status.STATUS_ROLLEDBACK:
                return TransactionGate.ROLLED_BACK;
            default:
                return null;
        }
    }

    private boolean register(Transaction transaction, List<Intent> intents, IntentExecutor executor) {
        AfterCommitDispatch pending = pending(transaction);
        if (pending == null) {
            AfterCommitDispatch.dropped(intents, "its transaction is marked for rollback");
            return true;
        }
        pending.add(intents, executor);
        AirlockListener listener = AirlockHooks.listener();
        if (listener != null) {
            listener.deferred(intents);
        }
        return true;
    }

    /** The transaction's one synchronization, registered on first use; null when it can only roll back. */
    private AfterCommitDispatch pending(Transaction transaction) {
        AfterCommitDispatch pending = (AfterCommitDispatch) resource(transaction);
        if (pending == null) {
            pending = new AfterCommitDispatch(transactions, transaction);
            try {
                // a plain (not interposed) synchronization: its afterCompletion runs once the persistence context and
                // the connections are released, and it skips the ordering wrapper Quarkus puts around interposed ones
                // (measured: a third of the commit overhead)
                transaction.registerSynchronization(pending);
            } catch (RollbackException | IllegalStateException rollbackOnly) {
                return null;
            } catch (SystemException e) {
                throw unavailable(e);
            }
            putResource(transaction, pending);
        }
        return pending;
    }

    /**
     * Our synchronization among the transaction's resources. Narayana's transaction holds them itself: asking it
     * directly saves the registry's lookup of the current transaction by thread and id, each time.
     */
    private Object resource(Transaction transaction) {
        if (transaction instanceof TransactionImple narayana) {
            return narayana.getTxLocalResource(KEY);
        }
        return registry.getResource(KEY);
    }

    private void putResource(Transaction transaction, AfterCommitDispatch pending) {
        if (transaction instanceof TransactionImple narayana) {
            narayana.putTxLocalResource(KEY, pending);
        } else {
            registry.putResource(KEY, pending);
        }
    }

    @Override
    public Object currentTransaction() {
        return transaction();
    }

    @Override
    public TransactionOutcome runIn(Object handle, Runnable action) {
        Transaction target = (Transaction) handle;
        Transaction here = transaction();
        if (here == target) {
            action.run();
            return TransactionOutcome.ACTIVE;
        }
        switch (status(target)) {
            case Status.STATUS_COMMITTED:
                runOutside(here, action);
                return TransactionOutcome.COMMITTED;
            case Status.STATUS_ROLLEDBACK:
            case Status.STATUS_ROLLING_BACK:
                return TransactionOutcome.ROLLED_BACK;
            case Status.STATUS_ACTIVE:
            case Status.STATUS_MARKED_ROLLBACK:
                break;
            default:
                return TransactionOutcome.UNKNOWN;
        }
        Transaction suspended = here == null ? null : suspend();
        try {
            try {
                transactions.resume(target);
            } catch (Exception ended) {
                // it ended between the status check and the resume
                int status = status(target);
                return status == Status.STATUS_ROLLEDBACK ? TransactionOutcome.ROLLED_BACK : TransactionOutcome.UNKNOWN;
            }
            try {
                action.run();
            } finally {
                suspend();
            }
            return TransactionOutcome.ACTIVE;
        } finally {
            resume(suspended);
        }
    }

    private void runOutside(Transaction here, Runnable action) {
        Transaction suspended = here == null ? null : suspend();
        try {
            action.run();
        } finally {
            resume(suspended);
        }
    }

    private Transaction suspend() {
        try {
            return transactions.suspend();
        } catch (SystemException e) {
            throw unavailable(e);
        }
    }

    private void resume(Transaction suspended) {
        if (suspended == null) {
            return;
        }
        try {
            transactions.resume(suspended);
        } catch (Exception e) {
            throw new AirlockException("Airlock could not resume the caller's transaction: " + e, e);
        }
    }

    private Transaction transaction() {
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
