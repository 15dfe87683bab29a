package io.quarkiverse.airlock;

/**
 * Thrown by a policy's {@link Policy#onEnqueue(Intent)} to reject an intent. The intent is not buffered and the
 * exception reaches the caller of {@code enqueue}.
 */
public class PolicyViolationException extends AirlockException {

    public PolicyViolationException(String message) {
        super(message);
    }

    public PolicyViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
