package io.quarkiverse.airlock;

/**
 * A policy callback ({@link Policy#onEnqueue(Intent)} or {@link Policy#allows(Intent)}) tried to enqueue an intent.
 * Policies filter intents; they never create them.
 */
public class PolicyEnqueueException extends UsageException {

    public PolicyEnqueueException(String message) {
        super(message);
    }
}
