package io.quarkiverse.airlock.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.quarkiverse.airlock.OutboxEntry;

/**
 * Counts the outbox table's rows for operators. One query answers every gauge and the readiness check, and its answer
 * (or its failure) is reused for a moment: a scrape reading several gauges, or a probe next to it, costs one round
 * trip. The query is bounded in time, so that a database that hangs does not hang the health endpoint with it.
 */
final class OutboxStatistics {

    /** Seconds, as JDBC counts them; the pool's acquisition timeout bounds the wait for a connection. */
    static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final OutboxStore store;
    private final String query;
    /** Guarded by this. */
    private long answeredAt;
    /** Guarded by this; exactly one of the two is set once the table was asked. */
    private OutboxSnapshot snapshot;
    private IllegalStateException failure;

    OutboxStatistics(OutboxStore store) {
        this.store = store;
        // MIN(next_attempt_at) of a status is the row of that status that falls due first; the (status,
        // next_attempt_at) index answers both aggregates without reading the rows
        this.query = "SELECT status, COUNT(*), MIN(next_attempt_at) FROM " + store.table() + " GROUP BY status";
    }

    /** The rows now, or at most a second ago; throws with the database's reason when it cannot answer. */
    synchronized OutboxSnapshot snapshot() {
        long now = System.nanoTime();
        if (answeredAt == 0 || now - answeredAt > FRESH_NANOS) {
            try {
                snapshot = query();
                failure = null;
            } catch (SQLException e) {
                snapshot = null;
                failure = new IllegalStateException("Airlock outbox table " + store.table() + ": " + e.getMessage(), e);
            }
            answeredAt = System.nanoTime();
        }
        if (failure != null) {
            // a new exception per caller: the cached one would carry the first caller's stack
            throw new IllegalStateException(failure.getMessage(), failure.getCause());
        }
        return snapshot;
    }

    private OutboxSnapshot query() throws SQLException {
        OffsetDateTime now = OutboxStore.now();
        long pending = 0;
        long held = 0;
        long dead = 0;
        long done = 0;
        Duration oldestDueAge = Duration.ZERO;
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String status = result.getString(1);
                    long count = result.getLong(2);
                    switch (status) {
                        case OutboxEntry.PENDING, OutboxEntry.QUEUED -> pending += count;
                        case OutboxEntry.HELD, OutboxEntry.QUEUED_HELD -> held += count;
                        case OutboxEntry.DEAD -> dead = count;
                        case OutboxEntry.DONE -> done = count;
                        default -> {
                            // a status of a later version: not ours to count
                        }
                    }
                    // a held row past its hold time is due too: the relay delivers it
                    if (OutboxEntry.PENDING.equals(status) || OutboxEntry.HELD.equals(status)) {
                        oldestDueAge = max(oldestDueAge, ageIfDue(store.dialect().getTime(result, 3), now));
                    }
                }
            }
        }
        return new OutboxSnapshot(now.toInstant(), pending, held, dead, done, oldestDueAge);
    }

    private static Duration ageIfDue(OffsetDateTime due, OffsetDateTime now) {
        return due == null || due.isAfter(now) ? Duration.ZERO : Duration.between(due, now);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
