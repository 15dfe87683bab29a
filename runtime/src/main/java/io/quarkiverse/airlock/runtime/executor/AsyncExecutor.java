package io.quarkiverse.airlock.runtime.executor;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.spi.BuiltinExecutor;
import io.quarkiverse.airlock.spi.DispatchOptions;
import io.quarkiverse.airlock.spi.ExecutorTraits;
import io.vertx.core.Vertx;

/**
 * An executor that hands each intent to another thread, after its {@code delay} option if it has one.
 */
abstract class AsyncExecutor implements BuiltinExecutor {

    protected final Vertx vertx;

    AsyncExecutor(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public final void dispatch(Intent intent) {
        long delay = DispatchOptions.delayMillis(intent);
        if (delay > 0) {
            vertx.setTimer(delay, ignored -> submit(intent));
        } else {
            submit(intent);
        }
    }

    @Override
    public ExecutorTraits traits() {
        return ExecutorTraits.IN_PROCESS.handingOff();
    }

    /** Runs the intent elsewhere, on a fresh duplicated context; failures are reported, never thrown. */
    abstract void submit(Intent intent);
}
