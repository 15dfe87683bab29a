package io.quarkiverse.airlock.deployment.exception;

/**
 * A quarkus.airlock.* property that Airlock does not know, most likely misspelled.
 */
public class UnknownAirlockPropertyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownAirlockPropertyException(String message) {
        super(message);
    }
}
