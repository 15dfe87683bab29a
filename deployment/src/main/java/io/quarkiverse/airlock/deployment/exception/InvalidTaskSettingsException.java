package io.quarkiverse.airlock.deployment.exception;

/**
 * A {@code quarkus.airlock.tasks."name".*} property names no declared task, or has a value out of range.
 */
public class InvalidTaskSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTaskSettingsException(String message) {
        super(message);
    }
}
