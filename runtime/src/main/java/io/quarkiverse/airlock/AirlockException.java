package io.quarkiverse.airlock;

/**
 * Root of every exception Airlock throws. All Airlock exceptions are unchecked.
 */
public class AirlockException extends RuntimeException {

    public AirlockException(String message) {
        super(message);
    }

    public AirlockException(String message, Throwable cause) {
        super(message, cause);
    }
}
