package io.quarkiverse.airlock;

/**
 * HOW an escaping intent runs: in the flushing thread, on a worker pool, over a message bus...
 */
@FunctionalInterface
public interface IntentExecutor {

    void dispatch(Intent intent);
}
