package io.quarkiverse.airlock.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

import io.quarkiverse.airlock.OutboxEntry;

/**
 * The SQL that keeps the rows of one ordering key in commit order. A keyed row gets its place among the unfinished rows
 * of its key from the key's row in the key table (the outbox table's name followed by {@code _key}), which its writer
 * locks until it commits: writers of a key are serialised, so places follow commit order. Only the first unfinished
 * row of a key (its head) is claimable; the others wait as {@code QUEUED} (or {@code QUEUED_HELD}), out of the claim's
 * sight, and the statement that finishes the head makes the next one claimable in the same transaction. A key with no
 * unfinished row has no row in the key table, so that table stays as small as the number of busy keys.
 */
final class OrderingKeys {

    /** The statuses of a row that is claimable now, and of one behind its key's head, by whether it is held. */
    private static final String PROMOTE = " SET status = CASE status WHEN '" + OutboxEntry.QUEUED_HELD + "' THEN '"
            + OutboxEntry.HELD + "' ELSE '" + OutboxEntry.PENDING + "' END WHERE id = ?";

    private final OutboxDialect dialect;
    private final String keyTable;
    private final String lockKey;
    private final String next;
    private final String promote;
    private final String forgetKey;
    private final String leave;
    private final String lockRow;
    private final String delete;

    OrderingKeys(OutboxDialect dialect, String table) {
        this.dialect = dialect;
        this.keyTable = table(table);
        this.lockKey = "SELECT last_seq FROM " + keyTable + " WHERE ordering_key = ? FOR UPDATE";
        // a locking read: it sees the rows of writers that committed while it waited for the key, whatever snapshot
        // the transaction (a handler's) started with
        this.next = "SELECT id, status FROM " + table + " WHERE ordering_key = ? AND ordering_seq > ?"
                + " ORDER BY ordering_seq LIMIT 1 FOR UPDATE";
        this.promote = "UPDATE " + table + PROMOTE;
        this.forgetKey = "DELETE FROM " + keyTable + " WHERE ordering_key = ?";
        this.leave = "UPDATE " + table + " SET ordering_seq = NULL WHERE id = ?";
        this.lockRow = "SELECT status, ordering_key, ordering_seq FROM " + table + " WHERE id = ? FOR UPDATE";
        this.delete = "DELETE FROM " + table + " WHERE id = ?";
    }

    /** The table of the keys with unfinished rows, next to the outbox table {@code table}. */
    static String table(String table) {
        return table + "_key";
    }

    /**
     * The place of a new row of {@code key}, with the writer's connection and transaction: 1 when the key has no
     * unfinished row, so the new row is its head. Locks the key's row until that transaction ends.
     */
    long place(Connection connection, String key) throws SQLException {
        return dialect.nextPlace(connection, keyTable, key);
    }

    /**
     * After the head of {@code key} at {@code place} is done (delivered, discarded, or dead-lettered and no longer
     * holding its key), in the transaction that records that: makes the next row of the key claimable, or forgets the
     * key when it has none. Waits for the writers of the key that have not committed yet, so none of their rows is
     * missed.
     */
    void advance(Connection connection, String key, long place) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(lockKey)) {
            lock.setString(1, key);
            lock.executeQuery().close();
        }
        try (PreparedStatement select = connection.prepareStatement(next)) {
            select.setString(1, key);
            select.setLong(2, place);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    try (PreparedStatement forget = connection.prepareStatement(forgetKey)) {
                        forget.setString(1, key);
                        forget.executeUpdate();
                    }
                    return;
                }
                String status = result.getString(2);
                if (OutboxEntry.QUEUED.equals(status) || OutboxEntry.QUEUED_HELD.equals(status)) {
                    try (PreparedStatement update = connection.prepareStatement(promote)) {
                        dialect.setId(update, 1, dialect.getId(result, 1));
                        update.executeUpdate();
                    }
                }
            }
        }
    }

    /**
     * Takes a dead-lettered head out of its key's order, in the transaction that dead-letters it, so that the rows
     * behind it go on; resubmitted, it runs on its own.
     */
    void leave(Connection connection, ClaimedRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(leave)) {
            dialect.setId(statement, 1, row.id());
            statement.executeUpdate();
        }
        advance(connection, row.orderingKey(), row.orderingSeq());
    }

    /**
     * Deletes a row if its status is one of {@code statuses}, and lets its key go on if it was the key's head, in
     * one transaction.
     *
     * @return false when there is no such row in one of those statuses
     */
    boolean delete(Connection connection, UUID id, String... statuses) throws SQLException {
        return OutboxStore.inTransaction(connection, () -> {
            String status;
            String key;
            long place;
            try (PreparedStatement select = connection.prepareStatement(lockRow)) {
                dialect.setId(select, 1, id);
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next()) {
                        return false;
                    }
                    status = result.getString(1);
                    key = result.getString(2);
                    place = result.getLong(3);
                }
            }
            if (!Arrays.asList(statuses).contains(status)) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                dialect.setId(statement, 1, id);
                statement.executeUpdate();
            }
            // a queued row is not its key's head: the head is still to finish, and moves the key on then
            if (key != null && place > 0 && !OutboxEntry.QUEUED.equals(status)
                    && !OutboxEntry.QUEUED_HELD.equals(status)) {
                advance(connection, key, place);
            }
            return true;
        });
    }
}
