package io.quarkiverse.airlock;

/**
 * A scope was used out of its lifecycle: entered twice, exited while not current, flushed or discarded twice or while
 * still active, or given intents after it finished.
 */
public class ScopeStateException extends AirlockException {

    public ScopeStateException(String message) {
        super(message);
    }
}
