package io.quarkiverse.airlock;

/**
 * A policy callback ({@link Policy#onEnqueue(Intent)} or {@link Policy#allows(Intent)}) tried to enqueue an intent.
 * Policies filter intents; they never create them.
 */
public class PolicyEnqueueException extends UsageException {

    private static final long serialVersionUID = 1L;

    public PolicyEnqueueException(String message) {
        super(message);
    }
}
