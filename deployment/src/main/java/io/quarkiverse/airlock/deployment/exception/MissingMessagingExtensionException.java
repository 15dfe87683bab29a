package io.quarkiverse.airlock.deployment.exception;

/**
 * The messaging executor is configured but the application has no Quarkus Messaging extension.
 */
public class MissingMessagingExtensionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingMessagingExtensionException(String message) {
        super(message);
    }
}
