package io.quarkiverse.airlock.spi;

import java.util.Optional;

import io.quarkiverse.airlock.AirlockException;
import io.quarkiverse.airlock.Intent;

/**
 * Runs one intent in the calling thread: its in-process action, or the registered handler of its task.
 */
public final class TaskInvoker {

    private TaskInvoker() {
    }

    public static void run(Intent intent) {
        DispatchTracing tracing = AirlockHooks.tracing();
        if (tracing == null) {
            observed(intent);
            return;
        }
        DispatchTracing.DispatchSpan span = tracing.start(intent);
        try {
            observed(intent);
        } catch (RuntimeException | Error e) {
            span.end(e);
            throw e;
        }
        span.end(null);
    }

    private static void observed(Intent intent) {
        AirlockListener listener = AirlockHooks.listener();
        if (listener == null) {
            invoke(intent);
            return;
        }
        long start = System.nanoTime();
        try {
            invoke(intent);
        } catch (RuntimeException | Error e) {
            listener.handled(intent, System.nanoTime() - start, e);
            throw e;
        }
        listener.handled(intent, System.nanoTime() - start, null);
    }

    private static void invoke(Intent intent) {
        Optional<Runnable> action = intent.action();
        if (action.isPresent()) {
            action.get().run();
            return;
        }
        TaskHandler handler = AirlockHooks.tasks().require(intent.name());
        try {
            handler.invoke(intent.args().toArray());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AirlockException("Task " + intent + " failed in " + handler.method() + ": " + e, e);
        }
    }
}
