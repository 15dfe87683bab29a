package io.quarkiverse.airlock.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import io.quarkiverse.airlock.runtime.context.VertxScopeHolder;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.ScopeHolder;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * Where the current scope is looked up: a thread-local, or a local of the Vert.x duplicated context the caller runs on
 * (what Quarkus uses).
 */
public class ScopeHolderBenchmark extends NanosPerOperation {

    final ScopeHolder threadLocal = AirlockHooks.threadLocalScopes();
    final ScopeHolder vertx = new VertxScopeHolder();

    Vertx runtime;
    ContextInternal context;
    ContextInternal previous;

    @Setup(Level.Trial)
    public void startVertx() {
        runtime = Vertx.vertx();
        context = (ContextInternal) VertxContext.createNewDuplicatedContext(runtime.getOrCreateContext());
    }

    @Setup(Level.Iteration)
    public void enterContext() {
        // JMH threads are no Vert.x threads: make the duplicated context current on this one
        previous = context.beginDispatch();
        vertx.currentOrCreate();
    }

    @TearDown(Level.Iteration)
    public void leaveContext() {
        context.endDispatch(previous);
    }

    @TearDown(Level.Trial)
    public void stopVertx() {
        runtime.close();
    }

    @Benchmark
    public Object threadLocalLookup() {
        return threadLocal.current();
    }

    @Benchmark
    public Object duplicatedContextLookup() {
        return vertx.current();
    }
}
