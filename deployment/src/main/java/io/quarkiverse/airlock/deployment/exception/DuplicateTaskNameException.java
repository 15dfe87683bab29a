package io.quarkiverse.airlock.deployment.exception;

/**
 * Two or more @AirlockTask handlers share a task name.
 */
public class DuplicateTaskNameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateTaskNameException(String message) {
        super(message);
    }
}
