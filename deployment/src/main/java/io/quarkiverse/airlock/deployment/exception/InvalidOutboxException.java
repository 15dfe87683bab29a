package io.quarkiverse.airlock.deployment.exception;

/**
 * quarkus.airlock.outbox.enabled=true without a JDBC datasource the outbox can use, or with a delivery that names no
 * executor.
 */
public class InvalidOutboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidOutboxException(String message) {
        super(message);
    }
}
