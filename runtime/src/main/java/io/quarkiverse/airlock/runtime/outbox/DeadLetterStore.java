package io.quarkiverse.airlock.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkiverse.airlock.DeadLetterFilter;
import io.quarkiverse.airlock.OutboxEntry;

/**
 * The SQL of the dead-letter operations operators run: listing, resubmitting and discarding by filter. A dead letter's
 * {@code next_attempt_at} is when it was dead-lettered, so filters by age use the {@code (status, next_attempt_at)}
 * index, and operations on many rows change them a bounded number per statement.
 */
final class DeadLetterStore {

    /** Rows changed per statement: a filter that matches a million rows does not lock them all in one transaction. */
    static final int CHUNK = 1000;

    private final OutboxStore store;

    DeadLetterStore(OutboxStore store) {
        this.store = store;
    }

    List<OutboxEntry> list(DeadLetterFilter filter, int limit, OffsetDateTime now) {
        String sql = "SELECT " + OutboxStore.COLUMNS + " FROM " + store.table() + where(filter)
                + " ORDER BY next_attempt_at LIMIT ?";
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = bind(statement, filter, now);
            statement.setInt(index, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    entries.add(store.entry(result));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Due at {@code now} again, attempts reset, a chunk at a time. */
    int resubmit(DeadLetterFilter filter, OffsetDateTime now) {
        return inChunks("UPDATE " + store.table() + " SET status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " owner = NULL" + inChunk(filter), filter, now, true);
    }

    int discard(DeadLetterFilter filter, OffsetDateTime now) {
        // a dead letter that holds back the later rows of its ordering key goes on its own, letting them go
        int total = 0;
        List<UUID> heads;
        do {
            heads = keyHeads(filter, now);
            for (UUID id : heads) {
                if (discard(id)) {
                    total++;
                }
            }
        } while (heads.size() == CHUNK);
        return total + inChunks("DELETE FROM " + store.table() + inChunk(filter), filter, now, false);
    }

    private List<UUID> keyHeads(DeadLetterFilter filter, OffsetDateTime now) {
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT id FROM " + store.table()
                        + where(filter) + " AND ordering_seq IS NOT NULL ORDER BY next_attempt_at LIMIT ?")) {
            int index = bind(statement, filter, now);
            statement.setInt(index, CHUNK);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(store.dialect().getId(result, 1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    boolean discard(UUID id) {
        try {
            return store.discard(id);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int inChunks(String sql, DeadLetterFilter filter, OffsetDateTime now, boolean setsDue) {
        int total = 0;
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int changed;
            do {
                int index = 1;
                if (setsDue) {
                    store.dialect().setTime(statement, index++, now);
                }
                // the chunk's own parameters: its filter, then its size
                index = bind(statement, filter, now, index);
                statement.setInt(index, CHUNK);
                changed = statement.executeUpdate();
                total += changed;
            } while (changed == CHUNK);
            return total;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * The condition that narrows a statement to the next chunk of rows the filter matches. The chunk is a derived
     * table: MariaDB and MySQL refuse a LIMIT right inside IN (...), and a subquery on the very table they change.
     */
    private String inChunk(DeadLetterFilter filter) {
        return " WHERE id IN (SELECT id FROM (SELECT id FROM " + store.table() + where(filter)
                + " ORDER BY next_attempt_at LIMIT ?) chunk)";
    }

    private static String where(DeadLetterFilter filter) {
        return " WHERE status = 'DEAD'" + (filter.olderThan().isPresent() ? " AND next_attempt_at <= ?" : "")
                + (filter.task().isPresent() ? " AND task = ?" : "");
    }

    private int bind(PreparedStatement statement, DeadLetterFilter filter, OffsetDateTime now) throws SQLException {
        return bind(statement, filter, now, 1);
    }

    private int bind(PreparedStatement statement, DeadLetterFilter filter, OffsetDateTime now, int index)
            throws SQLException {
        if (filter.olderThan().isPresent()) {
            store.dialect().setTime(statement, index++, now.minus(filter.olderThan().get()));
        }
        if (filter.task().isPresent()) {
            statement.setString(index++, filter.task().get());
        }
        return index;
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException("Airlock outbox table " + store.table() + ": " + e.getMessage(), e);
    }
}
