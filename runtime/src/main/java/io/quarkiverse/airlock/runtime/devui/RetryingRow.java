package io.quarkiverse.airlock.runtime.devui;

/**
 * An outbox row whose last attempt failed and that waits for its next one, as the History page shows it.
 *
 * @param id the row id
 * @param task the task name
 * @param args the stored JSON arguments, truncated for display
 * @param attempts how many attempts were started
 * @param lastError the failure of the last attempt, truncated for display
 * @param origin where the intent was enqueued, or null
 * @param nextAttemptAt when the next attempt is due, ISO-8601
 */
public record RetryingRow(String id, String task, String args, int attempts, String lastError, String origin,
        String nextAttemptAt) {
}
