package io.quarkiverse.airlock.runtime.executor;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.quarkiverse.airlock.spi.TaskInvoker;
import io.vertx.core.Vertx;

/**
 * Runs each intent on the Quarkus worker pool, on a fresh duplicated context; honours the {@code delay} option.
 */
@Singleton
public class WorkerPoolExecutor extends AsyncExecutor {

    public WorkerPoolExecutor(Vertx vertx) {
        super(vertx);
    }

    @Override
    void submit(Intent intent) {
        Contexts.fresh(vertx).executeBlocking(() -> {
            TaskInvoker.run(intent);
            return null;
        }, false).onFailure(failure -> DispatchFailures.report("worker", intent, failure));
    }

    @Override
    public String toString() {
        return "worker";
    }
}
