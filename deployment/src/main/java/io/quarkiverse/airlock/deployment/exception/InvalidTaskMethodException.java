package io.quarkiverse.airlock.deployment.exception;

/**
 * An @AirlockTask method that cannot be a handler: private, static, or not on a concrete bean class.
 */
public class InvalidTaskMethodException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTaskMethodException(String message) {
        super(message);
    }
}
