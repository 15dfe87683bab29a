package io.quarkiverse.airlock.runtime.devui;

/**
 * An outbox row written in a nested scope's transaction that waits for the enclosing scope to decide, as the History
 * page shows it.
 *
 * @param id the row id
 * @param task the task name
 * @param args the stored JSON arguments, truncated for display
 * @param origin where the intent was enqueued, or null
 * @param heldUntil when the relay delivers it if the enclosing scope has not decided by then, ISO-8601
 * @param createdAt when its transaction wrote it, ISO-8601
 */
public record HeldRow(String id, String task, String args, String origin, String heldUntil, String createdAt) {
}
