package io.quarkiverse.airlock.benchmarks.quarkus;

import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.arjuna.ats.arjuna.AtomicAction;
import com.arjuna.ats.arjuna.coordinator.BasicAction;
import com.arjuna.ats.internal.arjuna.thread.ThreadActionData;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple;

import io.quarkus.arc.Arc;

/**
 * The Narayana calls Airlock makes around a transaction it waits for, each alone, inside one transaction that stays
 * open for the whole run: finding the current transaction, the transaction-local resource its pending intents are
 * found under, and taking the transaction off the thread while handlers run after the commit, the way Narayana's own
 * suspend does it and the way Airlock does it.
 */
// calls of a few nanoseconds, compiled within the first iteration
@Warmup(iterations = 3, time = 1)
public class NarayanaCallsBenchmark extends InApplicationBenchmark {

    private static final Object KEY = new Object();

    private TransactionManager transactions;
    private TransactionImple transaction;

    @Setup(Level.Trial)
    public void begin() throws Exception {
        transactions = Arc.container().instance(TransactionManager.class).get();
        transactions.begin();
        transaction = (TransactionImple) transactions.getTransaction();
        transaction.putTxLocalResource(KEY, KEY);
    }

    @TearDown(Level.Trial)
    public void rollback() throws Exception {
        transactions.rollback();
    }

    /** Through the injected manager: a client proxy and two managers that delegate to Narayana. */
    @Benchmark
    public Transaction currentThroughManager() throws Exception {
        return transactions.getTransaction();
    }

    @Benchmark
    public Transaction currentFromNarayana() {
        return TransactionImple.getTransaction();
    }

    @Benchmark
    public Object localResource() {
        return transaction.getTxLocalResource(KEY);
    }

    @Benchmark
    public void suspendAndResumeAssociation() {
        AtomicAction.resume(AtomicAction.suspend());
    }

    /** What Airlock does: the thread's stack of actions only, without unregistering the thread and registering it back. */
    @Benchmark
    public BasicAction popAndPushAction() {
        BasicAction action = BasicAction.Current() == null ? null : ThreadActionData.popAction(null, false);
        if (BasicAction.Current() == null) {
            ThreadActionData.pushAction(action, false);
        }
        return action;
    }
}
