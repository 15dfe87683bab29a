package io.quarkiverse.airlock.runtime.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.AirlockException;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.runtime.config.Durations;
import io.quarkiverse.airlock.runtime.tx.TransactionResourceKey;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkiverse.airlock.spi.BuiltinExecutor;
import io.quarkiverse.airlock.spi.DispatchOptions;
import io.quarkiverse.airlock.spi.ExecutorTraits;

/**
 * Dispatches an intent by writing it to the outbox table, in the JTA transaction the scope flushes in: a rollback
 * leaves no row. With no transaction active, each row is written in its own short transaction. The relay is woken
 * when the rows are committed.
 */
final class OutboxExecutor implements BuiltinExecutor {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    /** Key of our synchronization among the transaction's resources. */
    private static final TransactionResourceKey KEY = new TransactionResourceKey(OutboxExecutor.class);

    private final OutboxStore store;
    private final TransactionSynchronizationRegistry transactions;
    private final Runnable nudge;
    private final Consumer<OffsetDateTime> dueLater;
    private final Synchronization nudgeOnCommit;
    private final ExecutorTraits traits;
    private final TransactionManager transactionManager;
    private final Duration holdTimeout;

    /**
     * @param requiresLocalHandler whether an unknown task fails at enqueue: yes when the relay runs handlers here,
     *        no when it hands intents to another node (event bus, messaging), which checks its own
     */
    OutboxExecutor(OutboxStore store, TransactionSynchronizationRegistry transactions,
            TransactionManager transactionManager, Runnable nudge, Consumer<OffsetDateTime> dueLater,
            boolean requiresLocalHandler, Duration holdTimeout) {
        this.store = store;
        this.transactionManager = transactionManager;
        this.holdTimeout = holdTimeout;
        this.traits = ExecutorTraits.IN_PROCESS.withLocalHandlerRequired(requiresLocalHandler).joiningTransaction();
        this.transactions = transactions;
        this.nudge = nudge;
        this.dueLater = dueLater;
        this.nudgeOnCommit = new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    nudge.run();
                }
            }
        };
    }

    @Override
    public ExecutorTraits traits() {
        return traits;
    }

    @Override
    public void checkEnqueued(Intent intent) {
        OutboxJson.check(intent);
    }

    @Override
    public void dispatch(Intent intent) {
        int status = transactions.getTransactionStatus();
        if (doomed(status, intent)) {
            return;
        }
        OffsetDateTime now = OutboxStore.now();
        OffsetDateTime due = dueAt(intent, now);
        try {
            store.insert(UUID.randomUUID(), intent.name(), OutboxJson.args(intent), OutboxJson.options(intent),
                    intent.origin().orElse(null), intent.orderingKeyOrNull(), due, now);
        } catch (SQLException e) {
            // thrown into the flush, so the business transaction rolls back with the intent it could not store
            throw new AirlockException("Airlock could not write " + intent + " to the outbox: " + e.getMessage(), e);
        }
        if (due != now) {
            // before the commit: if the transaction rolls back, the relay only looks once for nothing
            dueLater.accept(due);
        }
        wakeRelay(status);
    }

    /**
     * Writes a flushing scope's intents with one batch, in the order given: a scope of a hundred intents costs one
     * round trip to the database instead of a hundred. All of them are stored or none.
     */
    @Override
    public void dispatchAll(List<Intent> intents, AirlockListener listener) {
        if (intents.size() < 2) {
            // none left once held rows were released, or one: a batch would only cost a local transaction
            BuiltinExecutor.super.dispatchAll(intents, listener);
            return;
        }
        int status = transactions.getTransactionStatus();
        OffsetDateTime now = OutboxStore.now();
        List<OutboxStore.NewRow> rows = new ArrayList<>(intents.size());
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            listener.dispatching(intent, this);
            rows.add(new OutboxStore.NewRow(UUID.randomUUID(), intent.name(), OutboxJson.args(intent),
                    OutboxJson.options(intent), intent.origin().orElse(null), dueAt(intent, now),
                    intent.orderingKeyOrNull()));
        }
        if (doomed(status, intents.get(0))) {
            return;
        }
        try {
            store.insertAll(rows, now);
        } catch (SQLException e) {
            // thrown into the flush, so the business transaction rolls back with the intents it could not store
            throw new AirlockException("Airlock could not write the " + intents.size() + " intents of a flushing scope ("
                    + intents.get(0) + " first) to the outbox: " + e.getMessage(), e);
        }
        for (OutboxStore.NewRow row : rows) {
            if (row.due() != now) {
                dueLater.accept(row.due());
            }
        }
        wakeRelay(status);
    }

    /** Whether the flushing transaction will roll back anyway: then nothing is written. */
    private static boolean doomed(int status, Intent intent) {
        if (status == Status.STATUS_MARKED_ROLLBACK || status == Status.STATUS_ROLLING_BACK
                || status == Status.STATUS_ROLLEDBACK) {
            // the row would roll back anyway; the connection may even refuse to join a doomed transaction
            LOG.debugf("Airlock did not write %s to the outbox: its transaction will roll back", intent);
            return true;
        }
        return false;
    }

    /** When the intent falls due: {@code now} itself (the same instance) unless it asks for a delay. */
    private static OffsetDateTime dueAt(Intent intent, OffsetDateTime now) {
        long delay = DispatchOptions.delayMillis(intent);
        return delay > 0 ? now.plusNanos(delay * 1_000_000L) : now;
    }

    /** Wakes the relay once the rows can be seen: at the commit of the flushing transaction, or at once. */
    private void wakeRelay(int status) {
        if (status == Status.STATUS_ACTIVE) {
            if (transactions.getResource(KEY) == null) {
                transactions.putResource(KEY, Boolean.TRUE);
                transactions.registerInterposedSynchronization(nudgeOnCommit);
            }
        } else {
            nudge.run();
        }
    }

    /**
     * Writes the row now, in the nested scope's transaction, held until the enclosing scope decides. Undecided, it is
     * delivered when its hold time ends, or when its delay does if that is later: a crash never makes it early.
     */
    @Override
    public Object hold(Intent intent) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OutboxStore.now();
        OffsetDateTime heldUntil = now.plus(holdTimeout);
        long delay = DispatchOptions.delayMillis(intent);
        if (delay > 0 && Duration.ofMillis(delay).compareTo(holdTimeout) > 0) {
            heldUntil = now.plusNanos(delay * 1_000_000L);
        }
        try {
            store.insertHeld(id, intent.name(), OutboxJson.args(intent), OutboxJson.options(intent),
                    intent.origin().orElse(null), intent.orderingKeyOrNull(), heldUntil, now);
        } catch (SQLException e) {
            // thrown into the nested flush, so the business transaction rolls back with the intent it could not store
            throw new AirlockException("Airlock could not write " + intent + " to the outbox: " + e.getMessage(), e);
        }
        return id;
    }

    @Override
    public void release(Object held, Intent intent) {
        long delay = DispatchOptions.delayMillis(intent);
        afterCurrentTransaction(intent, committed -> {
            if (!committed) {
                forgetNow((UUID) held, intent);
                return;
            }
            OffsetDateTime due = OutboxStore.now().plusNanos(delay * 1_000_000L);
            try {
                if (store.release((UUID) held, due)) {
                    if (delay > 0) {
                        dueLater.accept(due);
                    } else {
                        nudge.run();
                    }
                }
                // otherwise its hold time passed first and the relay delivered it already
            } catch (SQLException e) {
                LOG.warnf(e, "Airlock could not release %s in the outbox: it is delivered when its hold time passes",
                        intent);
            }
        });
    }

    @Override
    public void forget(Object held, Intent intent) {
        afterCurrentTransaction(intent, committed -> forgetNow((UUID) held, intent));
    }

    private void forgetNow(UUID id, Intent intent) {
        try {
            if (!store.forget(id, intent.orderingKeyOrNull() != null)) {
                LOG.warnf("Airlock could not withdraw %s from the outbox: its hold time (quarkus.airlock.outbox."
                        + "hold-timeout=%s) passed before its enclosing scope ended, so the relay delivered it", intent,
                        Durations.human(holdTimeout));
            }
        } catch (SQLException e) {
            LOG.errorf(e, "Airlock could not withdraw %s from the outbox: it is delivered when its hold time passes",
                    intent);
        }
    }

    /**
     * Runs {@code decision} once the transaction the enclosing scope ends in has completed (at once without one):
     * that transaction decides too, and a row is released or withdrawn in a short transaction of its own.
     */
    private void afterCurrentTransaction(Intent intent, Consumer<Boolean> decision) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            decision.accept(true);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            // marked for rollback (or ending): it cannot commit, and a connection would not enlist in it
            outsideTransaction(intent, () -> decision.accept(false));
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int outcome) {
                // the completed transaction is still associated with this thread
                outsideTransaction(intent, () -> decision.accept(outcome == Status.STATUS_COMMITTED));
            }
        });
    }

    /** Runs {@code work} with the thread's transaction suspended, so that its statements commit on their own. */
    private void outsideTransaction(Intent intent, Runnable work) {
        Transaction suspended = null;
        try {
            suspended = transactionManager.suspend();
            work.run();
        } catch (Exception e) {
            LOG.errorf(e, "Airlock could not settle %s in the outbox", intent);
        } finally {
            if (suspended != null) {
                try {
                    transactionManager.resume(suspended);
                } catch (Exception e) {
                    LOG.debugf(e, "Airlock could not resume the transaction it stepped out of");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "outbox";
    }
}
