package io.quarkiverse.airlock;

/**
 * Airlock was used in a way that cannot work: enqueue outside a scope, an unknown task, arguments that do not fit.
 * Thrown at the point of the mistake; nothing is buffered.
 */
public class UsageException extends AirlockException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
