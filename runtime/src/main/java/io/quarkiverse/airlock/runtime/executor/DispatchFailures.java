package io.quarkiverse.airlock.runtime.executor;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;

/**
 * Reports an intent that failed after it left the flushing thread: nobody is left to catch it, so it is logged, once,
 * with what identifies it. A failure in the flushing thread (the sync executor) is not logged here: it reaches the
 * code that flushed, like any exception.
 */
public final class DispatchFailures {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    private DispatchFailures() {
    }

    public static void report(String executor, Intent intent, Throwable failure) {
        LOG.errorf(failure, "Airlock %s dispatch of task '%s' failed: %s (intent: %s, origin: %s)", executor,
                intent.name(), intent, id(intent), intent.origin().orElse("unknown"));
    }

    /** Reports a task that failed in a consumer of the event bus, where only what the message carried is known. */
    public static void reportConsumed(String task, String handler, String arguments, String intentId, String origin,
            Throwable failure) {
        LOG.errorf(failure, "Airlock event-bus dispatch of task '%s' failed in %s with arguments %s (intent: %s,"
                + " origin: %s)", task, handler, arguments, intentId == null ? "unknown" : intentId,
                origin == null ? "unknown" : origin);
    }

    /**
     * What identifies the intent in logs: intents carry no id of their own, so this is the identity of the object, the
     * same for every line about one intent in this process.
     */
    public static String id(Intent intent) {
        return Integer.toHexString(System.identityHashCode(intent));
    }
}
