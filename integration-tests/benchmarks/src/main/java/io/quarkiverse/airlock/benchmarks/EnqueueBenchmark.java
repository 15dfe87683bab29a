package io.quarkiverse.airlock.benchmarks;

import java.util.HashSet;
import java.util.Set;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * Cost of one {@code Airlock.enqueue} into an open scope. Each operation is a batch of {@link #BATCH} enqueues into a
 * fresh scope, so the buffer never grows without bound; the scope's own cost is amortised over the batch.
 */
public class EnqueueBenchmark extends NanosPerOperation {

    static final int BATCH = 100;
    static final IntentExecutor NO_OP = intent -> {
    };

    Policy blockHundred;
    Long orderId = 42L;

    @Setup(Level.Trial)
    public void setUp() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            names.add("blocked" + i);
        }
        // raiseOnEnqueue: the only mode in which BlockTasks does work at enqueue (a lookup in the 100 names); the
        // enqueued task is not blocked, so every enqueue succeeds
        blockHundred = new BlockTasks(names, true);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void allowAll(Blackhole hole) {
        batch(new AllowAll(), hole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void dropAll(Blackhole hole) {
        batch(new DropAll(), hole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void blockTasksWithHundredNames(Blackhole hole) {
        batch(blockHundred, hole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void insideThreeLocalPolicies(Blackhole hole) {
        Scope scope = new Scope(new DropAll(), NO_OP).enter();
        Airlock.policy(AllowAllLocal.ONE, () -> Airlock.policy(AllowAllLocal.TWO,
                () -> Airlock.policy(AllowAllLocal.THREE, () -> {
                    for (int i = 0; i < BATCH; i++) {
                        hole.consume(Airlock.enqueue("notifyWarehouse", orderId));
                    }
                })));
        scope.exit();
        scope.discard();
    }

    private void batch(Policy policy, Blackhole hole) {
        Scope scope = new Scope(policy, NO_OP).enter();
        for (int i = 0; i < BATCH; i++) {
            hole.consume(Airlock.enqueue("notifyWarehouse", orderId));
        }
        scope.exit();
        scope.discard();
    }

    static final class AllowAllLocal {
        static final Policy ONE = new AllowAll();
        static final Policy TWO = new AllowAll();
        static final Policy THREE = new AllowAll();
    }
}
