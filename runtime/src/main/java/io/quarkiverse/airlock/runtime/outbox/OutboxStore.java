package io.quarkiverse.airlock.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final String insertKeyed;
    private final OrderingKeys keys;
    /** Whether a dead-lettered row holds back the later rows of its ordering key until it is resubmitted or discarded. */
    private final boolean deadLetterBlocksKey;
    private final String selectOverdueHeld;
    private final String selectDuePending;
    private final String claim;
    private final String deleteClaimed;
    private final String keepDone;
    /** One statement for a whole claim or group of outcomes, where the dialect binds arrays; null elsewhere. */
    private final String claimAll;
    private final String deleteAllClaimed;
    private final String keepAllDone;
    private final String recordFailure;
    private final String renew;
    private final String unclaim;
    private final String reclaim;

    public OutboxStore(DataSource dataSource, String table) {
        this(dataSource, table, true);
    }

    /**
     * @param deadLetterBlocksKey whether a dead-lettered row holds back the later rows of its ordering key until it is
     *        resubmitted and delivered, or discarded; otherwise they go on without it
     */
    public OutboxStore(DataSource dataSource, String table, boolean deadLetterBlocksKey) {
        this.dataSource = dataSource;
        this.table = table;
        this.dialect = detect(dataSource);
        this.deadLetterBlocksKey = deadLetterBlocksKey;
        this.keys = new OrderingKeys(dialect, table);
        this.insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 0, ?, ?, NULL, ?)";
        this.insertKeyed = "INSERT INTO " + table + " (" + COLUMNS + ", ordering_key, ordering_seq)"
                + " VALUES (?, ?, ?, ?, ?, 0, ?, ?, NULL, ?, ?, ?)";
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
        // a kept row leaves its key's order: a later row of the key never finds it as the next one
        this.keepDone = "UPDATE " + table + " SET status = 'DONE', next_attempt_at = ?, last_error = NULL, owner = NULL,"
                + " ordering_seq = NULL" + outcome;
        if (dialect.idArrayType() != null) {
            this.claimAll = "UPDATE " + table + " SET attempts = attempts + 1, next_attempt_at = ?, status = 'PENDING',"
                    + " owner = ? WHERE id = ANY(?)";
            String fencedAll = " done(id, attempts) WHERE t.id = done.id AND t.attempts = done.attempts AND t.owner = ?"
                    + dialect.relaxedCommit + " RETURNING t.id";
            this.deleteAllClaimed = "DELETE FROM " + table + " t USING unnest(?, ?) AS" + fencedAll;
            this.keepAllDone = "UPDATE " + table + " t SET status = 'DONE', next_attempt_at = ?, last_error = NULL,"
                    + " owner = NULL, ordering_seq = NULL FROM unnest(?, ?) AS" + fencedAll;
        } else {
            this.claimAll = null;
            this.deleteAllClaimed = null;
            this.keepAllDone = null;
        }
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
        return "SELECT id, task, args, options, origin, attempts, ordering_key, ordering_seq FROM " + table
                + " WHERE status = '" + status
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
        insert(id, task, args, options, origin, null, due, now);
    }

    /**
     * Writes one row with the connection's transaction: the caller's JTA transaction, or its own auto-commit. A row
     * with an ordering key waits behind the unfinished rows of its key.
     */
    void insert(UUID id, String task, String args, String options, String origin, String orderingKey,
            OffsetDateTime due, OffsetDateTime now) throws SQLException {
        insert(id, task, args, options, origin, orderingKey, OutboxEntry.PENDING, due, now);
    }

    /**
     * Writes one row that waits for an enclosing scope's decision ({@link #release}, {@link #forget}) until
     * {@code heldUntil}, after which the relay delivers it.
     */
    void insertHeld(UUID id, String task, String args, String options, String origin, String orderingKey,
            OffsetDateTime heldUntil, OffsetDateTime now) throws SQLException {
        insert(id, task, args, options, origin, orderingKey, OutboxEntry.HELD, heldUntil, now);
    }

    private void insert(UUID id, String task, String args, String options, String origin, String orderingKey,
            String status, OffsetDateTime due, OffsetDateTime now) throws SQLException {
        if (orderingKey != null) {
            try (Connection connection = dataSource.getConnection()) {
                inTransaction(connection, () -> {
                    insertKeyed(connection, new NewRow(id, task, args, options, origin, due, orderingKey), status, now);
                    return null;
                });
            }
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(insert)) {
            bindInsert(statement, id, task, args, options, origin, status, due, now);
            statement.executeUpdate();
        }
    }

    /**
     * A pending row as the writer hands it over, to be written with others in one batch.
     *
     * @param orderingKey the intent's ordering key, or null
     */
    record NewRow(UUID id, String task, String args, String options, String origin, OffsetDateTime due,
            String orderingKey) {
    }

    /**
     * Writes pending rows with one JDBC batch, which the driver sends in one round trip: with the caller's JTA
     * transaction when there is one, otherwise in a local transaction of their own, so that all of them are stored or
     * none. Rows with an ordering key are written one by one after the batch, each after taking its key's place.
     */
    void insertAll(List<NewRow> rows, OffsetDateTime now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            inTransaction(connection, () -> {
                boolean keyed = false;
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    int batched = 0;
                    for (NewRow row : rows) {
                        if (row.orderingKey() != null) {
                            keyed = true;
                        } else {
                            bindInsert(statement, row.id(), row.task(), row.args(), row.options(), row.origin(),
                                    OutboxEntry.PENDING, row.due(), now);
                            statement.addBatch();
                            batched++;
                        }
                    }
                    if (batched > 0) {
                        statement.executeBatch();
                    }
                }
                if (keyed) {
                    for (NewRow row : rows) {
                        if (row.orderingKey() != null) {
                            insertKeyed(connection, row, OutboxEntry.PENDING, now);
                        }
                    }
                }
                return null;
            });
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

    /**
     * Takes the key's place and writes the row with the same connection and transaction, so that the key's row stays
     * locked until the row commits.
     */
    private void insertKeyed(Connection connection, NewRow row, String status, OffsetDateTime now)
            throws SQLException {
        long place = keys.place(connection, row.orderingKey());
        try (PreparedStatement statement = connection.prepareStatement(insertKeyed)) {
            // the key's first unfinished row is claimable; a later one waits for it
            bindInsert(statement, row.id(), row.task(), row.args(), row.options(), row.origin(),
                    place == 1 ? status : queued(status), row.due(), now);
            statement.setString(9, row.orderingKey());
            statement.setLong(10, place);
            statement.executeUpdate();
        }
    }

    private static String queued(String status) {
        return OutboxEntry.HELD.equals(status) ? OutboxEntry.QUEUED_HELD : OutboxEntry.QUEUED;
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in the connection's transaction, or in a local one when the connection is in auto-commit (no
     * JTA transaction), so that its statements commit together. An enlisted connection reports no auto-commit: its JTA
     * transaction decides.
     */
    static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        if (!connection.getAutoCommit()) {
            return work.run();
        }
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Lets a held row be delivered from {@code due}, or from when the earlier rows of its key are done; false when it
     * is no longer held (its hold time passed).
     */
    boolean release(UUID id, OffsetDateTime due) throws SQLException {
        return reschedule(id, due, "status = CASE status WHEN 'HELD' THEN 'PENDING' ELSE 'QUEUED' END",
                "status IN ('HELD', 'QUEUED_HELD')");
    }

    /**
     * Makes row {@code id} due at {@code due} with {@code assignments}, if its status meets {@code statusCondition};
     * false when it does not (or the row is gone).
     */
    private boolean reschedule(UUID id, OffsetDateTime due, String assignments, String statusCondition)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE " + table + " SET " + assignments
                        + ", next_attempt_at = ? WHERE id = ? AND " + statusCondition)) {
            dialect.setTime(statement, 1, due);
            dialect.setId(statement, 2, id);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Deletes a held row; false when it is no longer held (its hold time passed and the relay took it). The row of an
     * intent with an ordering key lets the later rows of its key go when it was their head.
     */
    boolean forget(UUID id, boolean keyed) throws SQLException {
        if (keyed) {
            try (Connection connection = dataSource.getConnection()) {
                return keys.delete(connection, id, OutboxEntry.HELD, OutboxEntry.QUEUED_HELD);
            }
        }
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
            return inTransaction(connection, () -> {
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
                if (!rows.isEmpty() && claimAll != null) {
                    try (PreparedStatement update = connection.prepareStatement(claimAll)) {
                        dialect.setTime(update, 1, leaseUntil);
                        update.setString(2, owner);
                        update.setArray(3, connection.createArrayOf(dialect.idArrayType(),
                                rows.stream().map(ClaimedRow::id).toArray()));
                        update.executeUpdate();
                    }
                } else if (!rows.isEmpty()) {
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
                return rows;
            });
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
                            result.getString(4), result.getString(5), result.getInt(6) + 1, result.getString(7),
                            result.getLong(8)));
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
        try (Connection connection = dataSource.getConnection()) {
            if (!row.headsItsKey()) {
                return delivered(connection, row, owner, purgeAt);
            }
            return inTransaction(connection, () -> {
                boolean ours = delivered(connection, row, owner, purgeAt);
                if (ours) {
                    keys.advance(connection, row.orderingKey(), row.orderingSeq());
                }
                return ours;
            });
        }
    }

    private boolean delivered(Connection connection, ClaimedRow row, String owner, OffsetDateTime purgeAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(purgeAt == null ? deleteClaimed : keepDone)) {
            bindDelivered(statement, row, owner, purgeAt);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Records several delivered rows, none heading an ordering key, at once: as one statement naming them all where
     * the dialect binds arrays, otherwise in one local transaction, with one JDBC batch that the driver sends in one
     * round trip. A head of a key is recorded on its own ({@link #delivered(ClaimedRow, String,
     * OffsetDateTime)}): its transaction locks its key, and one that locked several could deadlock with a writer
     * locking them in another order.
     *
     * @return for each row, whether {@code owner} still held this claim of it (false: nothing changed for that row)
     */
    boolean[] delivered(List<ClaimedRow> rows, String owner, OffsetDateTime purgeAt) throws SQLException {
        if (rows.size() == 1) {
            return new boolean[] { delivered(rows.get(0), owner, purgeAt) };
        }
        if (deleteAllClaimed != null) {
            return deliveredAtOnce(rows, owner, purgeAt);
        }
        try (Connection connection = dataSource.getConnection()) {
            return inTransaction(connection, () -> {
                boolean[] ours = new boolean[rows.size()];
                try (PreparedStatement statement = connection.prepareStatement(purgeAt == null ? deleteClaimed
                        : keepDone)) {
                    for (ClaimedRow row : rows) {
                        bindDelivered(statement, row, owner, purgeAt);
                        statement.addBatch();
                    }
                    int[] counts = statement.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        // SUCCESS_NO_INFO (-2) means the driver did not count: the row is taken as still held
                        ours[i] = counts[i] != 0;
                    }
                }
                return ours;
            });
        }
    }

    /** {@link #delivered(List, String, OffsetDateTime)} as one statement, which needs no transaction of its own. */
    private boolean[] deliveredAtOnce(List<ClaimedRow> rows, String owner, OffsetDateTime purgeAt) throws SQLException {
        Object[] ids = new Object[rows.size()];
        Object[] attempts = new Object[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rows.get(i).id();
            attempts[i] = rows.get(i).attempt();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(purgeAt == null ? deleteAllClaimed
                        : keepAllDone)) {
            int index = 1;
            if (purgeAt != null) {
                dialect.setTime(statement, index++, purgeAt);
            }
            statement.setArray(index, connection.createArrayOf(dialect.idArrayType(), ids));
            statement.setArray(index + 1, connection.createArrayOf("int4", attempts));
            statement.setString(index + 2, owner);
            Set<UUID> recorded = new HashSet<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    recorded.add(dialect.getId(result, 1));
                }
            }
            boolean[] ours = new boolean[ids.length];
            for (int i = 0; i < ours.length; i++) {
                ours[i] = recorded.contains(rows.get(i).id());
            }
            return ours;
        }
    }

    private void bindDelivered(PreparedStatement statement, ClaimedRow row, String owner, OffsetDateTime purgeAt)
            throws SQLException {
        int index = 1;
        if (purgeAt != null) {
            dialect.setTime(statement, index++, purgeAt);
        }
        fence(statement, index, row, owner);
    }

    /**
     * Records a failed attempt: due again at {@code retryAt}, or dead-lettered when that is null; the row is no longer
     * held by anyone.
     *
     * @return false when {@code owner} no longer holds this claim of the row: nothing changed
     */
    boolean failed(ClaimedRow row, String owner, String error, OffsetDateTime retryAt, OffsetDateTime now)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (retryAt != null || deadLetterBlocksKey || !row.headsItsKey()) {
                // a retried head, or a dead one that blocks, still holds back the rows behind it
                return failed(connection, row, owner, error, retryAt, now);
            }
            return inTransaction(connection, () -> {
                boolean ours = failed(connection, row, owner, error, null, now);
                if (ours) {
                    keys.leave(connection, row);
                }
                return ours;
            });
        }
    }

    private boolean failed(Connection connection, ClaimedRow row, String owner, String error, OffsetDateTime retryAt,
            OffsetDateTime now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(recordFailure)) {
            statement.setString(1, retryAt == null ? OutboxEntry.DEAD : OutboxEntry.PENDING);
            dialect.setTime(statement, 2, retryAt == null ? now : retryAt);
            statement.setString(3, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
            fence(statement, 4, row, owner);
            return statement.executeUpdate() == 1;
        }
    }

    /** Deletes a dead-lettered row, and lets the later rows of its key go when it held them back. */
    boolean discard(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return keys.delete(connection, id, OutboxEntry.DEAD);
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
        return count(status, status);
    }

    /** Rows in either status. */
    long count(String status, String orStatus) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE status IN (?, ?)")) {
            statement.setString(1, status);
            statement.setString(2, orStatus);
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
        try {
            return reschedule(id, now, "status = 'PENDING', attempts = 0, owner = NULL", "status = 'DEAD'");
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
