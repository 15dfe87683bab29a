package io.quarkiverse.airlock.runtime;

import java.util.List;

/**
 * The values of {@code quarkus.airlock.executor} that select a built-in executor; any other value names a bean.
 */
public final class ExecutorNames {

    public static final String SYNC = "sync";
    public static final String WORKER = "worker";
    public static final String VIRTUAL_THREADS = "virtual-threads";
    public static final String EVENT_BUS = "event-bus";
    /** Quarkus Messaging; only available with the messaging capability. */
    public static final String MESSAGING = "messaging";

    public static final List<String> BUILT_IN = List.of(SYNC, WORKER, VIRTUAL_THREADS, EVENT_BUS, MESSAGING);

    private ExecutorNames() {
    }
}
