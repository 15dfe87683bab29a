package io.quarkiverse.airlock.runtime.executor;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;

/**
 * Reports an intent that failed after it left the flushing thread: nobody is left to catch it, so it is logged with
 * what identifies it.
 */
public final class DispatchFailures {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    private DispatchFailures() {
    }

    public static void report(String executor, Intent intent, Throwable failure) {
        LOG.errorf(failure, "Airlock %s dispatch of task '%s' failed: %s (origin: %s)", executor, intent.name(), intent,
                intent.origin().orElse("unknown"));
    }
}
