package io.quarkiverse.airlock.runtime.executor;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs each intent on the Quarkus worker pool, on a fresh duplicated context; honours the {@code delay} option.
 */
@Singleton
public class WorkerPoolExecutor implements BuiltinExecutor {

    private final Vertx vertx;

    public WorkerPoolExecutor(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void dispatch(Intent intent) {
        long delay = DispatchOptions.delayMillis(intent);
        if (delay > 0) {
            vertx.setTimer(delay, ignored -> submit(intent));
        } else {
            submit(intent);
        }
    }

    private void submit(Intent intent) {
        Context context = Contexts.fresh(vertx);
        context.executeBlocking(() -> {
            TaskInvoker.run(intent);
            return null;
        }, false).onFailure(failure -> DispatchFailures.report("worker", intent, failure));
    }

    @Override
    public String toString() {
        return "worker";
    }
}
