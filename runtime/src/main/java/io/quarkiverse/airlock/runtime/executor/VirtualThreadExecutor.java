package io.quarkiverse.airlock.runtime.executor;

import java.util.concurrent.ExecutorService;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.quarkiverse.airlock.spi.TaskInvoker;
import io.quarkus.virtual.threads.VirtualThreads;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs each intent on a new virtual thread, on a fresh duplicated context; honours the {@code delay} option. Falls back
 * to platform threads where the JVM has no virtual threads, as Quarkus's executor does.
 */
@Singleton
public class VirtualThreadExecutor extends AsyncExecutor {

    private final ExecutorService threads;

    public VirtualThreadExecutor(Vertx vertx, @VirtualThreads ExecutorService threads) {
        super(vertx);
        this.threads = threads;
    }

    @Override
    void submit(Intent intent) {
        Context context = Contexts.fresh(vertx);
        threads.execute(() -> Contexts.runOn(context, () -> {
            try {
                TaskInvoker.run(intent);
            } catch (Throwable failure) {
                DispatchFailures.report("virtual-threads", intent, failure);
            }
        }));
    }

    @Override
    public String toString() {
        return "virtual-threads";
    }
}
