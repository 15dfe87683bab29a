package io.quarkiverse.airlock;

/**
 * An intent was enqueued with no active scope.
 */
public class NoScopeException extends UsageException {

    public NoScopeException(String message) {
        super(message);
    }

    static NoScopeException forTask(String task) {
        return new NoScopeException("Cannot enqueue '" + task + "': no Airlock scope is active here. "
                + "Open one with Airlock.scope(scope -> ...), new Scope().enter(), or annotate the calling method "
                + "(e.g. the REST resource) with @AirlockScope.");
    }
}
