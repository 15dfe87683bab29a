package io.quarkiverse.airlock.runtime.executor;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.spi.BuiltinExecutor;
import io.quarkiverse.airlock.spi.ExecutorTraits;

/**
 * Stands in for the configured executor when {@code quarkus.airlock.enabled=false}: escaping intents are dropped.
 * Validation at enqueue stays what the configured executor asks for, so code behaves the same but for the dispatch.
 */
public class DisabledExecutor implements IntentExecutor {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    public static IntentExecutor replacing(IntentExecutor configured) {
        ExecutorTraits traits = ExecutorTraits.of(configured);
        if (traits.checksTasks()) {
            return new Validating(ExecutorTraits.IN_PROCESS.withLocalHandlerRequired(traits.requiresLocalHandler()));
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

        private final ExecutorTraits traits;

        Validating(ExecutorTraits traits) {
            this.traits = traits;
        }

        @Override
        public ExecutorTraits traits() {
            return traits;
        }
    }
}
