package io.quarkiverse.airlock.deployment.exception;

/**
 * A quarkus.airlock.executor value that names neither a built-in executor nor an IntentExecutor bean.
 */
public class InvalidExecutorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidExecutorException(String message) {
        super(message);
    }
}
