package io.quarkiverse.airlock.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Scope;

/**
 * A whole unit of work: new scope, enter, enqueue, exit, flush through an executor that does nothing.
 */
public class ScopeLifecycleBenchmark extends NanosPerOperation {

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
