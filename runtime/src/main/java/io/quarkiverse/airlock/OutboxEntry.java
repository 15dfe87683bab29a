package io.quarkiverse.airlock;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the outbox table.
 *
 * @param id stable across attempts
 * @param task the task name
 * @param args the arguments, a JSON array
 * @param options the dispatch options, a JSON object
 * @param origin where the intent was enqueued, or {@code null}
 * @param attempts how many attempts were started
 * @param nextAttemptAt when the row is due (pending), purged (done), or delivered if its enclosing scope has not
 *        decided by then (held)
 * @param status {@code PENDING}, {@code DONE}, {@code DEAD}, or {@code HELD}: written by a nested scope's transaction,
 *        waiting for the enclosing scope to decide; {@code QUEUED} or {@code QUEUED_HELD}: the same as {@code PENDING}
 *        or {@code HELD}, behind an earlier row of the same ordering key
 * @param lastError the failure of the last attempt, or {@code null}
 * @param createdAt when the row was written
 */
public record OutboxEntry(UUID id, String task, String args, String options, String origin, int attempts,
        OffsetDateTime nextAttemptAt, String status, String lastError, OffsetDateTime createdAt) {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String DEAD = "DEAD";
    public static final String HELD = "HELD";
    /** Pending behind an unfinished earlier row of its ordering key: claimable once that row is done. */
    public static final String QUEUED = "QUEUED";
    /** Held behind an unfinished earlier row of its ordering key. */
    public static final String QUEUED_HELD = "QUEUED_HELD";
}
