package io.quarkiverse.airlock.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import io.quarkiverse.airlock.OutboxEntry;

/**
 * The SQL of the outbox table. Every statement that selects due rows uses the {@code (status, next_attempt_at)} index
 * and a LIMIT, so its cost does not grow with the backlog.
 */
public final class OutboxStore {

    static final String COLUMNS = "id, task, args, options, origin, attempts, next_attempt_at, status, "
            + "last_error, created_at";
    private static final int MAX_ERROR = 4000;

    private final DataSource dataSource;
    private final String table;
    private final OutboxDialect dialect;
    /** Serializes claims where the database cannot skip locked rows. */
    private final ReentrantLock claimLock = new ReentrantLock();

    private final String insert;
    private final String selectOverdueHeld;
    private final String selectDuePending;
    private final String claim;
    private final String deleteClaimed;
    private final String keepDone;
    private final String recordFailure;
    private final String renew;
    private final String unclaim;
    private final String reclaim;

    public OutboxStore(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
        this.dialect = detect(dataSource);
        this.insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 0, ?, ?, NULL, ?)";
        // one status per query: the index then yields rows in due order and the LIMIT stops the scan, where
        // "status IN (...)" would sort every due row of both statuses first
        this.selectOverdueHeld = selectDue(table, OutboxEntry.HELD, dialect);
        this.selectDuePending = selectDue(table, OutboxEntry.PENDING, dialect);
        this.claim = "UPDATE " + table + " SET attempts = attempts + 1, next_attempt_at = ?, status = 'PENDING',"
                + " owner = ? WHERE id = ?";
        String fenced = " WHERE id = ? AND owner = ? AND attempts = ?";
        // an outcome is written once per row: where the database allows, its commit does not wait for the flush
        String outcome = fenced + dialect.relaxedCommit;
        this.deleteClaimed = "DELETE FROM " + table + outcome;
        this.keepDone = "UPDATE " + table + " SET status = 'DONE', next_attempt_at = ?, last_error = NULL, owner = NULL"
                + outcome;
        this.recordFailure = "UPDATE " + table + " SET status = ?, next_attempt_at = ?, last_error = ?, owner = NULL"
                + outcome;
        this.renew = "UPDATE " + table + " SET next_attempt_at = ?" + fenced;
        this.unclaim = "UPDATE " + table + " SET next_attempt_at = ?, owner = NULL, attempts = attempts - 1" + fenced;
        // a held row is PENDING with its lease ahead: the (status, next_attempt_at) index narrows the search to rows
        // that wait for a future time, without an index of its own on owner
        this.reclaim = "UPDATE " + table + " SET next_attempt_at = ?, owner = NULL WHERE status = 'PENDING'"
                + " AND next_attempt_at > ? AND owner = ?";
    }

    private static String selectDue(String table, String status, OutboxDialect dialect) {
        return "SELECT id, task, args, options, origin, attempts FROM " + table + " WHERE status = '" + status
                + "' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?" + dialect.lockClause;
    }

    /**
     * The queries a claim selects due rows with, in the order it runs them, each with the parameters (now, limit):
     * for a look at their plans.
     */
    public List<String> claimQueries() {
        return List.of(selectOverdueHeld, selectDuePending);
    }

    private static OutboxDialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return OutboxDialect.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("The Airlock outbox cannot reach its datasource: " + e.getMessage(), e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    String table() {
        return table;
    }

    OutboxDialect dialect() {
        return dialect;
    }

    /** Whether relays in several processes may share the table. */
    public boolean sharesTable() {
        return dialect.sharesTable();
    }

    /** Writes one row with the connection's transaction: the caller's JTA transaction, or its own auto-commit. */
    void insert(UUID id, String task, String args, String options, String origin, OffsetDateTime due,
            OffsetDateTime now) throws SQLException {
        insert(id, task, args, options, origin, OutboxEntry.PENDING, due, now);
    }

    /**
     * Writes one row that waits for an enclosing scope's decision ({@link #release}, {@link #forget}) until
     * {@code heldUntil}, after which the relay delivers it.
     */
    void insertHeld(UUID id, String task, String args, String options, String origin, OffsetDateTime heldUntil,
            OffsetDateTime now) throws SQLException {
        insert(id, task, args, options, origin, OutboxEntry.HELD, heldUntil, now);
    }

    private void insert(UUID id, String task, String args, String options, String origin, String status,
            OffsetDateTime due, OffsetDateTime now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(insert)) {
            bindInsert(statement, id, task, args, options, origin, status, due, now);
            statement.executeUpdate();
        }
    }

    /** A pending row as the writer hands it over, to be written with others in one batch. */
    record NewRow(UUID id, String task, String args, String options, String origin, OffsetDateTime due) {
    }

    /**
     * Writes pending rows with one JDBC batch, which the driver sends in one round trip: with the caller's JTA
     * transaction when there is one, otherwise in a local transaction of their own, so that all of them are stored or
     * none.
     */
    void insertAll(List<NewRow> rows, OffsetDateTime now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(insert)) {
            for (NewRow row : rows) {
                bindInsert(statement, row.id(), row.task(), row.args(), row.options(), row.origin(),
                        OutboxEntry.PENDING, row.due(), now);
                statement.addBatch();
            }
            // an enlisted connection reports no auto-commit: its JTA transaction decides
            boolean local = connection.getAutoCommit();
            if (local) {
                connection.setAutoCommit(false);
            }
            try {
                statement.executeBatch();
                if (local) {
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (local) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (local) {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    private void bindInsert(PreparedStatement statement, UUID id, String task, String args, String options,
            String origin, String status, OffsetDateTime due, OffsetDateTime now) throws SQLException {
        dialect.setId(statement, 1, id);
        statement.setString(2, task);
        statement.setString(3, args);
        statement.setString(4, options);
        statement.setString(5, origin);
        dialect.setTime(statement, 6, due);
        statement.setString(7, status);
        dialect.setTime(statement, 8, now);
    }

    /** Lets a held row be delivered from {@code due}; false when it is no longer held (its hold time passed). */
    boolean release(UUID id, OffsetDateTime due) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE " + table
                        + " SET status = 'PENDING', next_attempt_at = ? WHERE id = ? AND status = 'HELD'")) {
            dialect.setTime(statement, 1, due);
            dialect.setId(statement, 2, id);
            return statement.executeUpdate() == 1;
        }
    }

    /** Deletes a held row; false when it is no longer held (its hold time passed and the relay took it). */
    boolean forget(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE id = ? AND status = 'HELD'")) {
            dialect.setId(statement, 1, id);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Claims up to {@code limit} due rows for {@code owner} in a short transaction of its own: each gets one more
     * attempt and is reserved until {@code leaseUntil}, so no other relay takes it meanwhile, and a relay that dies
     * leaves it to the others once the lease ends. The attempt count after the claim is the claim's fencing token: every
     * later statement about the row names the owner and the token, so a relay that lost the row changes nothing.
     */
    List<ClaimedRow> claim(int limit, OffsetDateTime now, OffsetDateTime leaseUntil, String owner) throws SQLException {
        boolean serialize = !dialect.sharesTable();
        if (serialize) {
            claimLock.lock();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!dialect.claimPrelude.isEmpty()) {
                    try (Statement prelude = connection.createStatement()) {
                        prelude.execute(dialect.claimPrelude);
                    }
                }
                List<ClaimedRow> rows = new ArrayList<>();
                // a held row still there after its hold time was committed and never decided on: delivered
                selectDue(connection, selectOverdueHeld, now, limit, rows);
                if (rows.size() < limit) {
                    selectDue(connection, selectDuePending, now, limit - rows.size(), rows);
                }
                if (!rows.isEmpty()) {
                    try (PreparedStatement update = connection.prepareStatement(claim)) {
                        for (ClaimedRow row : rows) {
                            dialect.setTime(update, 1, leaseUntil);
                            update.setString(2, owner);
                            dialect.setId(update, 3, row.id());
                            update.addBatch();
                        }
                        update.executeBatch();
                    }
                }
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            if (serialize) {
                claimLock.unlock();
            }
        }
    }

    private void selectDue(Connection connection, String sql, OffsetDateTime now, int limit, List<ClaimedRow> rows)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            dialect.setTime(select, 1, now);
            select.setInt(2, limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new ClaimedRow(dialect.getId(result, 1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getInt(6) + 1));
                }
            }
        }
    }

    /**
     * Records a delivered row, with the connection's transaction (the JTA transaction the handler ran in, when there is
     * one): deleted, or kept as {@code DONE} until {@code purgeAt} when that is not null.
     *
     * @return false when {@code owner} no longer holds this claim of the row: nothing changed
     */
    boolean delivered(ClaimedRow row, String owner, OffsetDateTime purgeAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(purgeAt == null ? deleteClaimed : keepDone)) {
            int index = 1;
            if (purgeAt != null) {
                dialect.setTime(statement, index++, purgeAt);
            }
            fence(statement, index, row, owner);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Records a failed attempt: due again at {@code retryAt}, or dead-lettered when that is null; the row is no longer
     * held by anyone.
     *
     * @return false when {@code owner} no longer holds this claim of the row: nothing changed
     */
    boolean failed(ClaimedRow row, String owner, String error, OffsetDateTime retryAt, OffsetDateTime now)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(recordFailure)) {
            statement.setString(1, retryAt == null ? OutboxEntry.DEAD : OutboxEntry.PENDING);
            dialect.setTime(statement, 2, retryAt == null ? now : retryAt);
            statement.setString(3, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
            fence(statement, 4, row, owner);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Extends the lease of rows {@code owner} still holds, in one batch.
     *
     * @return the rows it no longer holds (another relay took them over after their lease ended)
     */
    List<ClaimedRow> renew(List<ClaimedRow> rows, String owner, OffsetDateTime leaseUntil) throws SQLException {
        return eachFenced(rows, owner, renew, statement -> dialect.setTime(statement, 1, leaseUntil), 2);
    }

    /**
     * Gives back claimed rows that were never started (the relay stops): due at once for any relay, and this claim
     * does not count as an attempt.
     */
    void unclaim(List<ClaimedRow> rows, String owner, OffsetDateTime now) throws SQLException {
        eachFenced(rows, owner, unclaim, statement -> dialect.setTime(statement, 1, now), 2);
    }

    /**
     * Makes due at once the rows {@code owner} held when its process stopped without recording them (a crash, a kill):
     * this instance runs none of them any more, so no one need wait for their lease. The attempt they were in counts.
     *
     * @return how many rows were reclaimed
     */
    int reclaim(String owner, OffsetDateTime now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(reclaim)) {
            dialect.setTime(statement, 1, now);
            dialect.setTime(statement, 2, now);
            statement.setString(3, owner);
            return statement.executeUpdate();
        }
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private List<ClaimedRow> eachFenced(List<ClaimedRow> rows, String owner, String sql, Parameters parameters,
            int fenceIndex) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (ClaimedRow row : rows) {
                parameters.set(statement);
                fence(statement, fenceIndex, row, owner);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            List<ClaimedRow> lost = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                // SUCCESS_NO_INFO (-2) means the driver did not count: the row is taken as still held
                if (counts[i] == 0) {
                    lost.add(rows.get(i));
                }
            }
            return lost;
        }
    }

    private void fence(PreparedStatement statement, int index, ClaimedRow row, String owner) throws SQLException {
        dialect.setId(statement, index, row.id());
        statement.setString(index + 1, owner);
        statement.setInt(index + 2, row.attempt());
    }

    /** Deletes delivered rows whose retention ended. */
    int purge(OffsetDateTime now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE status = 'DONE' AND next_attempt_at <= ?")) {
            dialect.setTime(statement, 1, now);
            return statement.executeUpdate();
        }
    }

    long count(String status) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE status = ?")) {
            statement.setString(1, status);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    List<OutboxEntry> list(String status, int limit) {
        return select(" WHERE status = ? ORDER BY next_attempt_at LIMIT ?", status, limit);
    }

    /** Pending rows whose last attempt failed, soonest due first. */
    List<OutboxEntry> listRetrying(int limit) {
        return select(" WHERE status = ? AND attempts > 0 AND last_error IS NOT NULL ORDER BY next_attempt_at LIMIT ?",
                OutboxEntry.PENDING, limit);
    }

    private List<OutboxEntry> select(String where, String status, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                        + where)) {
            statement.setString(1, status);
            statement.setInt(2, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    entries.add(entry(result));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    Optional<OutboxEntry> find(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
            dialect.setId(statement, 1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(entry(result)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    boolean resubmit(UUID id, OffsetDateTime now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE " + table
                        + " SET status = 'PENDING', attempts = 0, next_attempt_at = ?, owner = NULL"
                        + " WHERE id = ? AND status = 'DEAD'")) {
            dialect.setTime(statement, 1, now);
            dialect.setId(statement, 2, id);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The row {@code result} is on, read from the columns {@link #COLUMNS} in their order. */
    OutboxEntry entry(ResultSet result) throws SQLException {
        return new OutboxEntry(dialect.getId(result, 1), result.getString(2), result.getString(3), result.getString(4),
                result.getString(5), result.getInt(6), dialect.getTime(result, 7), result.getString(8),
                result.getString(9), dialect.getTime(result, 10));
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException("Airlock outbox table " + table + ": " + e.getMessage(), e);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
