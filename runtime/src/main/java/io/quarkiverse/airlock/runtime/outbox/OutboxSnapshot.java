package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The outbox table's rows as operators see them (gauges, readiness check), counted by one query.
 *
 * @param takenAt when the table answered
 * @param pending rows waiting for delivery or for a retry, including those being delivered
 * @param held rows waiting for an enclosing scope's decision
 * @param dead rows that failed every attempt
 * @param done delivered rows kept for their retention
 * @param oldestDueAge how long the row that fell due first has been waiting for the relay; zero when none is due
 */
public record OutboxSnapshot(Instant takenAt, long pending, long held, long dead, long done, Duration oldestDueAge) {
}
