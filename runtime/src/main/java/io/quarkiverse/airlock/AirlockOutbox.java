package io.quarkiverse.airlock;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable outbox, when {@code quarkus.airlock.outbox.enabled=true}: inject it to watch the rows waiting for
 * delivery and to resubmit dead letters.
 */
public interface AirlockOutbox {

    /** Rows waiting for delivery or for a retry, claimed ones included; {@linkplain #heldCount() held} ones apart. */
    long pendingCount();

    /**
     * Rows written in the transaction of a nested scope, held until the enclosing scope that captured their intent
     * decides: its flush makes them pending, its discard deletes them. A row still held after
     * {@code quarkus.airlock.outbox.hold-timeout} is delivered, as its transaction committed.
     */
    long heldCount();

    /**
     * Held rows, the one whose hold time ends first first, at most {@code limit}; a row's {@code nextAttemptAt} is when
     * its hold time ends.
     */
    List<OutboxEntry> held(int limit);

    /** How many rows failed every attempt and wait to be resubmitted. */
    long deadLetterCount();

    /** Rows that failed every attempt, oldest first, at most {@code limit}. */
    List<OutboxEntry> deadLetters(int limit);

    /**
     * Rows whose last attempt failed and that wait for their next one, soonest due first, at most {@code limit}: still
     * {@code PENDING}, with at least one attempt and the error of the last.
     */
    List<OutboxEntry> retrying(int limit);

    /** The row with this id, while it exists (delivered rows are deleted unless a retention is configured). */
    Optional<OutboxEntry> find(UUID id);

    /**
     * Makes a dead-lettered row due again, with its attempt count reset.
     *
     * @return false when no dead-lettered row has this id
     */
    boolean resubmit(UUID id);

    /**
     * Dead letters that match {@code filter}, oldest dead letter first, at most {@code limit}.
     *
     * @throws IllegalArgumentException when {@code limit} is less than 1
     */
    List<OutboxEntry> deadLetters(DeadLetterFilter filter, int limit);

    /**
     * Makes every dead letter that matches {@code filter} due again, with its attempt count reset. Rows are changed a
     * bounded number at a time, never a pending or running row.
     *
     * @return how many rows were resubmitted
     */
    int resubmit(DeadLetterFilter filter);

    /**
     * Deletes a dead-lettered row for good: its intent is never delivered.
     *
     * @return false when no dead-lettered row has this id (a pending, held or running row is never discarded)
     */
    boolean discard(UUID id);

    /**
     * Deletes every dead letter that matches {@code filter}, a bounded number at a time.
     *
     * @return how many rows were deleted
     */
    int discard(DeadLetterFilter filter);

    /**
     * The outbox row whose intent runs in this thread, for handlers that must be idempotent (its id) or behave
     * differently on a retry (its attempt number). Empty outside an outbox delivery.
     */
    static Optional<OutboxDelivery> currentDelivery() {
        return Optional.ofNullable(OutboxDelivery.CURRENT.get());
    }
}
