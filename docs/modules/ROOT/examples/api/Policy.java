package io.quarkiverse.airlock;

/**
 * WHAT may escape a scope. A policy sees each intent when it is enqueued and decides at flush whether it is
 * dispatched. Policies filter; they never reorder and never enqueue.
 */
// tag::policy[]
public interface Policy {

    /**
     * Observes an intent as it is enqueued. Throw {@link PolicyViolationException} to reject it: it is then not buffered
     * and the exception reaches the caller of {@code enqueue}.
     */
    default void onEnqueue(Intent intent) {
    }

    /**
     * Decides at flush: {@code true} dispatches the intent, {@code false} drops it silently.
     */
    boolean allows(Intent intent);
}
// end::policy[]
