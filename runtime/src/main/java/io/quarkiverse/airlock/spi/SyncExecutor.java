package io.quarkiverse.airlock.spi;

import io.quarkiverse.airlock.Intent;

/**
 * Dispatches at flush, in the flushing thread. The default: an exception from a handler reaches the code that flushed.
 */
public final class SyncExecutor implements BuiltinExecutor {

    public static final SyncExecutor INSTANCE = new SyncExecutor();

    private SyncExecutor() {
    }

    @Override
    public void dispatch(Intent intent) {
        TaskInvoker.run(intent);
    }

    @Override
    public String toString() {
        return "sync";
    }
}
