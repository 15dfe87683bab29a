package io.quarkiverse.airlock.deployment.exception;

/**
 * An @AirlockTask method whose parameters or return type Airlock cannot support.
 */
public class UnsupportedTaskSignatureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedTaskSignatureException(String message) {
        super(message);
    }
}
