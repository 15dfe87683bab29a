package io.quarkiverse.airlock.deployment.exception;

/**
 * A policy class named by @AirlockScope or quarkus.airlock.policy that Airlock cannot instantiate.
 */
public class InvalidPolicyClassException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidPolicyClassException(String message) {
        super(message);
    }
}
