package io.quarkiverse.airlock.runtime.executor;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;

/**
 * Stands in for the configured executor when {@code quarkus.airlock.enabled=false}: escaping intents are dropped.
 * Validation at enqueue stays what the configured executor asks for, so code behaves the same but for the dispatch.
 */
public class DisabledExecutor implements IntentExecutor {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    public static IntentExecutor replacing(IntentExecutor configured) {
        if (configured instanceof BuiltinExecutor) {
            boolean requiresLocalHandler = ((BuiltinExecutor) configured).requiresLocalHandler();
            return new Validating(requiresLocalHandler);
        }
        return new DisabledExecutor();
    }

    @Override
    public void dispatch(Intent intent) {
        LOG.debugf("Airlock is disabled (quarkus.airlock.enabled=false): dropped %s", intent);
    }

    @Override
    public String toString() {
        return "disabled";
    }

    private static final class Validating extends DisabledExecutor implements BuiltinExecutor {

        private final boolean requiresLocalHandler;

        Validating(boolean requiresLocalHandler) {
            this.requiresLocalHandler = requiresLocalHandler;
        }

        @Override
        public boolean requiresLocalHandler() {
            return requiresLocalHandler;
        }
    }
}
