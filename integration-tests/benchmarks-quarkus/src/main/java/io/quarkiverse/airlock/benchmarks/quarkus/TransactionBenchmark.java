package io.quarkiverse.airlock.benchmarks.quarkus;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.Scope;
import io.quarkus.arc.Arc;

/**
 * A JTA transaction that commits with side effects waiting for the commit: through an Airlock scope, through CDI
 * events observed {@code AFTER_SUCCESS} (the built-in Quarkus way), through one synchronization that does nothing (what
 * Narayana charges either), and with none (the bare commit they are compared to). Runs inside the started application, so the
 * transaction manager, ArC and Airlock are the real ones.
 */
public class TransactionBenchmark extends InApplicationBenchmark {

    private static final Synchronization NOTHING = new Synchronization() {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
        }
    };

    private TransactionManager transactions;
    private Event<OrderPlaced> placed;
    private long orderId;

    @Setup(Level.Trial)
    public void setUp() {
        transactions = Arc.container().instance(TransactionManager.class).get();
        placed = Arc.container().beanManager().getEvent().select(new TypeLiteral<OrderPlaced>() {
        });
    }

    @Benchmark
    public void bareCommit() throws Exception {
        transactions.begin();
        transactions.commit();
    }

    /**
     * A commit that one synchronization doing nothing waits for: what Narayana charges any code that runs after the
     * commit, Airlock's included, before that code does anything.
     */
    @Benchmark
    public void oneSynchronization() throws Exception {
        transactions.begin();
        transactions.getTransaction().registerSynchronization(NOTHING);
        transactions.commit();
    }

    @Benchmark
    public void observer1() throws Exception {
        transactions.begin();
        placed.fire(new OrderPlaced(++orderId));
        transactions.commit();
    }

    @Benchmark
    public void observer10() throws Exception {
        transactions.begin();
        for (int i = 0; i < 10; i++) {
            placed.fire(new OrderPlaced(++orderId));
        }
        transactions.commit();
    }

    @Benchmark
    public void airlock1() throws Exception {
        transactions.begin();
        Scope scope = new Scope().enter();
        Airlock.enqueue("notifyWarehouse", ++orderId);
        scope.exit();
        scope.flush();
        transactions.commit();
    }

    /**
     * The same scope with no transaction around it: the handlers run at the flush. What {@link #airlock10} adds to this
     * and to the bare commit is the cost of waiting for the commit.
     */
    @Benchmark
    public void airlock10WithoutTransaction() {
        tenEnqueued().flush();
    }

    /** The same ten enqueues, then the scope is discarded: what the intents cost before any dispatch. */
    @Benchmark
    public void airlock10Discarded() {
        tenEnqueued().discard();
    }

    @Benchmark
    public void airlock10() throws Exception {
        transactions.begin();
        tenEnqueued().flush();
        transactions.commit();
    }

    /** A scope with ten intents enqueued, exited and not yet flushed: the variants differ only in how it ends. */
    private Scope tenEnqueued() {
        Scope scope = new Scope().enter();
        for (int i = 0; i < 10; i++) {
            Airlock.enqueue("notifyWarehouse", ++orderId);
        }
        scope.exit();
        return scope;
    }
}
