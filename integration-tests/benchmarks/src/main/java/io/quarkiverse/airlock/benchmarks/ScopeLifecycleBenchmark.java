package io.quarkiverse.airlock.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Scope;

/**
 * A whole unit of work: new scope, enter, enqueue, exit, flush through an executor that does nothing.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// a fixed, pre-touched heap: on a virtual machine the page faults of a growing heap cost more than what is measured
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch" })
public class ScopeLifecycleBenchmark {

    static final IntentExecutor NO_OP = intent -> {
    };
    static final Runnable NOTHING = () -> {
    };

    final AllowAll policy = new AllowAll();

    @Benchmark
    public Object emptyScope() {
        Scope scope = new Scope(policy, NO_OP).enter();
        scope.exit();
        return scope.flush();
    }

    @Benchmark
    public Object oneIntent() {
        Scope scope = new Scope(policy, NO_OP).enter();
        Airlock.enqueue("notifyWarehouse", 42L);
        scope.exit();
        return scope.flush();
    }

    /** Ten in-process no-op actions dispatched by the built-in synchronous executor. */
    @Benchmark
    public Object tenIntentsSyncDispatch() {
        Scope scope = new Scope(policy).enter();
        for (int i = 0; i < 10; i++) {
            Airlock.enqueue("noop", NOTHING);
        }
        scope.exit();
        return scope.flush();
    }

    @Benchmark
    public Object threeLevelNestedScope() {
        Scope outer = new Scope(policy, NO_OP).enter();
        Scope middle = new Scope(policy, NO_OP).enter();
        Scope inner = new Scope(policy, NO_OP).enter();
        Airlock.enqueue("notifyWarehouse", 42L);
        inner.exit();
        inner.flush();
        middle.exit();
        middle.flush();
        outer.exit();
        return outer.flush();
    }
}
