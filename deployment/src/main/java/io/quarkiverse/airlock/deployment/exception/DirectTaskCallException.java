package io.quarkiverse.airlock.deployment.exception;

/**
 * Application code calls {@code @AirlockTask} methods directly, bypassing every scope, and
 * {@code quarkus.airlock.direct-calls=fail}.
 */
public class DirectTaskCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectTaskCallException(String message) {
        super(message);
    }
}
