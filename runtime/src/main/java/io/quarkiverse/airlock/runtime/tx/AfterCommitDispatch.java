package io.quarkiverse.airlock.runtime.tx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

import com.arjuna.ats.arjuna.AtomicAction;
import com.arjuna.ats.arjuna.coordinator.BasicAction;
import com.arjuna.ats.internal.arjuna.thread.ThreadActionData;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.runtime.executor.DispatchFailures;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkiverse.airlock.spi.ExecutorTraits;
import io.quarkiverse.airlock.spi.TransactionGate;
import io.quarkiverse.airlock.spi.TransactionOutcome;

/**
 * The intents of one transaction, in FIFO order across the scopes that flushed in it. After a commit each is
 * dispatched on its own: one failure is logged and does not stop the others. The finished transaction is suspended
 * meanwhile when a handler runs in this thread, so that it runs outside it and can start its own.
 */
final class AfterCommitDispatch implements Synchronization, TransactionGate {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    private final TransactionManager transactions;
    private final Transaction transaction;
    private volatile TransactionOutcome outcome = TransactionOutcome.ACTIVE;
    /** What the first scope flushed in the transaction; most transactions see a single scope. */
    private Object[] first;
    private IntentExecutor firstExecutor;
    /** One entry per scope flushed after the first, not per intent; null until there is one. */
    private List<Object[]> later;
    private List<IntentExecutor> laterExecutors;
    /** Whether some dispatch runs in the completing thread, where the finished transaction is still associated. */
    private boolean runsHere;

    AfterCommitDispatch(TransactionManager transactions, Transaction transaction) {
        this.transactions = transactions;
        this.transaction = transaction;
    }

    @Override
    public TransactionOutcome outcome() {
        return outcome;
    }

    @Override
    public void dispatchAfterCommit(List<Intent> intents, IntentExecutor executor) {
        // called from another thread than the transaction's: a synchronization of its own, so that nothing here is
        // shared with the completing thread
        AfterCommitDispatch own = new AfterCommitDispatch(transactions, transaction);
        own.add(intents, executor);
        try {
            transaction.registerSynchronization(own);
            return;
        } catch (Exception completing) {
            // it is completing or has completed: its outcome decides below
        }
        switch (outcome) {
            case COMMITTED:
                own.afterCompletion(Status.STATUS_COMMITTED);
                break;
            case ROLLED_BACK:
                own.afterCompletion(Status.STATUS_ROLLEDBACK);
                break;
            default:
                own.afterCompletion(Status.STATUS_UNKNOWN);
        }
    }

    void add(List<Intent> flushed, IntentExecutor executor) {
        // a copy: a custom scope may hand dispatchAll a list of its own and change it before the commit. An Object[]
        // because a typed copy checks the type of every element
        Object[] batch = flushed.toArray();
        if (first == null) {
            first = batch;
            firstExecutor = executor;
        } else {
            if (later == null) {
                later = new ArrayList<>(2);
                laterExecutors = new ArrayList<>(2);
            }
            later.add(batch);
            laterExecutors.add(executor);
        }
        runsHere |= !ExecutorTraits.of(executor).handsOff();
    }

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        outcome = outcomeOf(status);
        if (first == null) {
            return;
        }
        if (outcome == TransactionOutcome.UNKNOWN) {
            for (int b = -1; b < laterCount(); b++) {
                unknown(intents(b), status);
            }
            return;
        }
        if (outcome != TransactionOutcome.COMMITTED) {
            for (int b = -1; b < laterCount(); b++) {
                dropped(intents(b), "its transaction rolled back");
            }
            return;
        }
        Object finished = runsHere ? suspend() : null;
        try {
            AirlockListener listener = AirlockHooks.listener();
            for (int b = -1; b < laterCount(); b++) {
                IntentExecutor executor = b < 0 ? firstExecutor : laterExecutors.get(b);
                for (Object intent : batch(b)) {
                    dispatch((Intent) intent, executor, listener);
                }
            }
        } finally {
            resume(finished);
        }
    }

    /** How many scopes flushed after the first; batches are numbered from -1, the first. */
    private int laterCount() {
        return later == null ? 0 : later.size();
    }

    private Object[] batch(int index) {
        return index < 0 ? first : later.get(index);
    }

    @SuppressWarnings("unchecked")
    private List<Intent> intents(int index) {
        // every element is an Intent: add copied them from a List<Intent>
        return (List<Intent>) (List<?>) Arrays.asList(batch(index));
    }

    private static void dispatch(Intent intent, IntentExecutor executor, AirlockListener listener) {
        try {
            if (listener != null) {
                listener.dispatching(intent, executor);
            }
            executor.dispatch(intent);
        } catch (Throwable failure) {
            DispatchFailures.report("after-commit", intent, failure);
        }
    }

    private static TransactionOutcome outcomeOf(int status) {
        switch (status) {
            case Status.STATUS_COMMITTED:
                return TransactionOutcome.COMMITTED;
            case Status.STATUS_ROLLEDBACK:
                return TransactionOutcome.ROLLED_BACK;
            default:
                return TransactionOutcome.UNKNOWN;
        }
    }

    /** Neither dispatched nor dropped in silence: the transaction may or may not have committed its data. */
    static void unknown(List<Intent> intents, int status) {
        for (Intent intent : intents) {
            LOG.warnf("Airlock did not dispatch %s: its transaction ended with status %s, neither committed nor rolled"
                    + " back, so whether its data was committed is unknown; run it again by hand if it was", intent,
                    status);
        }
    }

    static void dropped(List<Intent> intents, String reason) {
        AirlockListener listener = AirlockHooks.listener();
        if (listener != null) {
            listener.rolledBack(intents);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Airlock dropped %s: %s", intents, reason);
        }
    }

    /**
     * Takes the finished transaction off this thread. With Narayana, only the thread's stack of actions: the manager's
     * suspend would look the transaction up again by thread and id, and Narayana's own would also take this thread off
     * the transaction's list of threads, which nothing reads once it has completed; that bookkeeping and its undoing in
     * the resume cost more than three times the pop and push alone.
     */
    private Object suspend() {
        try {
            if (transaction instanceof TransactionImple) {
                // Transaction.commit() may run on a thread that has another transaction or none
                // the thread's id only serves to unregister the thread, which this pop does not do
                return BasicAction.Current() == null ? null : ThreadActionData.popAction(null, false);
            }
            return transactions.suspend();
        } catch (Exception e) {
            LOG.debugf(e, "Airlock could not suspend the completed transaction; dispatching within its association");
            return null;
        }
    }

    private void resume(Object finished) {
        if (finished == null) {
            return;
        }
        try {
            if (finished instanceof BasicAction association) {
                if (BasicAction.Current() == null) {
                    ThreadActionData.pushAction(association, false);
                } else {
                    // a handler left a transaction of its own on this thread: the full restore clears it first
                    AtomicAction.resume((AtomicAction) association);
                }
            } else {
                transactions.resume((Transaction) finished);
            }
        } catch (Exception e) {
            LOG.debugf(e, "Airlock could not resume the completed transaction");
        }
    }
}
