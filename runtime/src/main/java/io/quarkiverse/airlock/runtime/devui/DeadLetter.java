package io.quarkiverse.airlock.runtime.devui;

/**
 * An outbox row that failed every attempt, as the History page shows it.
 *
 * @param id the row id, for resubmitting it
 * @param task the task name
 * @param args the stored JSON arguments, truncated for display
 * @param attempts how many attempts failed
 * @param lastError the failure of the last attempt, truncated for display
 * @param origin where the intent was enqueued, or null
 * @param createdAt when the row was written, ISO-8601
 */
public record DeadLetter(String id, String task, String args, int attempts, String lastError, String origin,
        String createdAt) {
}
