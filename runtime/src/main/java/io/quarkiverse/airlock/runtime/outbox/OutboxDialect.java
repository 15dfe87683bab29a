package io.quarkiverse.airlock.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What differs between the databases the outbox supports: how rows are claimed, which DDL creates the table, how
 * instances starting at once create it one after the other, how a relay's name is locked, and how ids and times are
 * bound.
 */
enum OutboxDialect {

    /** Rows locked by another relay are skipped: any number of relays share the table. */
    POSTGRESQL(" FOR UPDATE SKIP LOCKED", "db/airlock/postgresql/",
            " AND set_config('synchronous_commit', 'off', true) IS NOT NULL", "", true) {

        /**
         * The DDL runs in one transaction under an advisory lock on the table's name: {@code CREATE ... IF NOT EXISTS}
         * is not safe when two instances start at once (one fails on a duplicate catalog entry), so the second waits
         * for the first and then finds everything there.
         */
        @Override
        void createSchema(Connection connection, String lockName, List<String> statements) throws SQLException {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
                    lock.setInt(1, lockName.hashCode());
                    lock.execute();
                }
                execute(connection, statements);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }

        @Override
        boolean tryLock(Connection session, int space, int key) throws SQLException {
            try (PreparedStatement statement = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, space);
                statement.setInt(2, key);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        }

        @Override
        void unlock(Connection session, int space, int key) throws SQLException {
            try (PreparedStatement statement = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, space);
                statement.setInt(2, key);
                statement.execute();
            }
        }

        @Override
        String idArrayType() {
            return "uuid";
        }

        @Override
        long nextPlace(Connection connection, String keyTable, String key) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + keyTable
                    + " AS k (ordering_key, last_seq) VALUES (?, 1) ON CONFLICT (ordering_key)"
                    + " DO UPDATE SET last_seq = k.last_seq + 1 RETURNING last_seq")) {
                statement.setString(1, key);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        }
    },

    /**
     * H2 cannot skip locked rows: a second relay would wait for the first, and could claim a row twice. H2 is an
     * embedded database, so there is one process; its relay claims under a lock of its own.
     */
    H2(" FOR UPDATE", "db/airlock/h2/", "", "", false),

    /**
     * MariaDB (10.6 and later) skips locked rows like PostgreSQL: any number of relays share the table. Its DDL has
     * no UUID column nor time zone: ids are stored as text, times as UTC in {@code DATETIME(6)}. There is no
     * per-transaction equivalent of PostgreSQL's {@code synchronous_commit}, so each outcome waits for its flush.
     * Rows are claimed with READ COMMITTED: under MariaDB's default REPEATABLE READ a locking read also locks the gaps
     * of the index it scans, which would hold up the application's inserts of new rows until the claim commits.
     * MySQL 8 reports the same SQL and is detected as this dialect.
     */
    MARIADB(" FOR UPDATE SKIP LOCKED", "db/airlock/mariadb/", "", "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
            true) {

        /**
         * DDL is not transactional in MariaDB: the statements run under a named lock of the server, so that the
         * second instance waits for the first and then finds everything there.
         */
        @Override
        void createSchema(Connection connection, String lockName, List<String> statements) throws SQLException {
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(" + LOCK_NAME + ", 60)")) {
                lock.setString(1, lockName);
                try (ResultSet result = lock.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        throw new SQLException("Timed out after 60 s waiting for another instance to create the table");
                    }
                }
            }
            try {
                execute(connection, statements);
            } finally {
                release(connection, lockName);
            }
        }

        @Override
        boolean tryLock(Connection session, int space, int key) throws SQLException {
            try (PreparedStatement statement = session.prepareStatement("SELECT GET_LOCK(" + LOCK_NAME + ", 0)")) {
                statement.setString(1, space + ":" + key);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getInt(1) == 1;
                }
            }
        }

        @Override
        void unlock(Connection session, int space, int key) throws SQLException {
            release(session, space + ":" + key);
        }

        @Override
        long nextPlace(Connection connection, String keyTable, String key) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + keyTable
                    + " (ordering_key, last_seq) VALUES (?, 1) ON DUPLICATE KEY UPDATE last_seq = last_seq + 1")) {
                statement.setString(1, key);
                statement.executeUpdate();
            }
            // the transaction sees its own change, whatever its snapshot
            return lastPlace(connection, keyTable, key);
        }

        private static void release(Connection session, String name) throws SQLException {
            try (PreparedStatement statement = session.prepareStatement("SELECT RELEASE_LOCK(" + LOCK_NAME + ")")) {
                statement.setString(1, name);
                statement.execute();
            }
        }

        @Override
        void setId(PreparedStatement statement, int index, UUID id) throws SQLException {
            statement.setString(index, id.toString());
        }

        @Override
        UUID getId(ResultSet result, int index) throws SQLException {
            String id = result.getString(index);
            return id == null ? null : UUID.fromString(id);
        }

        @Override
        void setTime(PreparedStatement statement, int index, OffsetDateTime time) throws SQLException {
            statement.setObject(index, time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }

        @Override
        OffsetDateTime getTime(ResultSet result, int index) throws SQLException {
            LocalDateTime time = result.getObject(index, LocalDateTime.class);
            return time == null ? null : time.atOffset(ZoneOffset.UTC);
        }
    };

    /** The shipped migrations, in the order they apply: the same files in each dialect's folder. */
    static final List<String> MIGRATIONS = List.of("V1_0_0__airlock_outbox.sql", "V1_1_0__airlock_outbox_owner.sql",
            "V1_2_0__airlock_outbox_ordering.sql");

    /**
     * A MariaDB lock is the server's, not the database's as PostgreSQL's advisory locks are: its name includes the
     * database, hashed to stay within the 64 characters a lock name may have.
     */
    private static final String LOCK_NAME = "CONCAT('airlock-', MD5(CONCAT_WS(':', DATABASE(), ?)))";

    final String lockClause;
    /** The folder of its shipped migrations. */
    final String folder;

    /**
     * Appended to the condition of the statement that records a row's outcome: lets the transaction it is part of (the
     * handler's, or the statement's own) commit without waiting for the flush to disk. An outcome lost in a crash of
     * the database server, not of the application, means that its row runs again, never that anything is lost; and the
     * transaction still commits or not as a whole, the handler's own writes with it. Without it each row would wait
     * for a disk flush of its own: 321 µs per row instead of 123 µs in the outbox benchmark (PostgreSQL 15, 2 vCPUs).
     * Empty where the database has no such setting for one transaction.
     */
    final String relaxedCommit;

    /** Run at the start of a claim's transaction, before its first statement; empty when there is nothing to run. */
    final String claimPrelude;

    private final boolean sharesTable;

    OutboxDialect(String lockClause, String folder, String relaxedCommit, String claimPrelude, boolean sharesTable) {
        this.lockClause = lockClause;
        this.folder = folder;
        this.relaxedCommit = relaxedCommit;
        this.claimPrelude = claimPrelude;
        this.sharesTable = sharesTable;
    }

    /**
     * The SQL type of an array of ids, for one statement that names many rows at once ({@code = ANY(?)}, {@code
     * unnest}); null where many rows are named by a batch of statements, one per row. One statement saves the server
     * the work of executing one per row.
     */
    String idArrayType() {
        return null;
    }

    /** Whether relays in several processes may claim rows concurrently. */
    boolean sharesTable() {
        return sharesTable;
    }

    /**
     * Runs the DDL that creates the table. Where several processes share the table, instances that start at once run
     * it one after the other, under a lock named {@code lockName}.
     */
    void createSchema(Connection connection, String lockName, List<String> statements) throws SQLException {
        execute(connection, statements);
    }

    /**
     * Takes, without waiting, a lock held by the connection's session until {@link #unlock} or until the session ends.
     * Only where {@link #sharesTable()}.
     *
     * @return false when another session holds it
     */
    boolean tryLock(Connection session, int space, int key) throws SQLException {
        throw new UnsupportedOperationException(name() + " has a single relay: it locks no name");
    }

    void unlock(Connection session, int space, int key) throws SQLException {
        throw new UnsupportedOperationException(name() + " has a single relay: it locks no name");
    }

    /**
     * Gives {@code key} its next place in {@code keyTable}, 1 when it has none yet, and locks the key's row until the
     * connection's transaction ends. H2's way: there is no upsert that returns the new value, and a writer that lost
     * the race to create the key's row tries again to update it, which H2 allows within the same transaction.
     */
    long nextPlace(Connection connection, String keyTable, String key) throws SQLException {
        while (true) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + keyTable
                    + " SET last_seq = last_seq + 1 WHERE ordering_key = ?")) {
                update.setString(1, key);
                if (update.executeUpdate() == 1) {
                    return lastPlace(connection, keyTable, key);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + keyTable
                    + " (ordering_key, last_seq) VALUES (?, 1)")) {
                insert.setString(1, key);
                insert.executeUpdate();
                return 1;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private static long lastPlace(Connection connection, String keyTable, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_seq FROM " + keyTable
                + " WHERE ordering_key = ?")) {
            select.setString(1, key);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    void setId(PreparedStatement statement, int index, UUID id) throws SQLException {
        statement.setObject(index, id);
    }

    UUID getId(ResultSet result, int index) throws SQLException {
        return result.getObject(index, UUID.class);
    }

    void setTime(PreparedStatement statement, int index, OffsetDateTime time) throws SQLException {
        statement.setObject(index, time);
    }

    OffsetDateTime getTime(ResultSet result, int index) throws SQLException {
        return result.getObject(index, OffsetDateTime.class);
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static OutboxDialect of(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        } else if (name.contains("h2")) {
            return H2;
        } else if (name.contains("mariadb") || name.contains("mysql")) {
            // MySQL Connector/J names a MariaDB server "MySQL"
            return MARIADB;
        }
        throw new IllegalStateException("The Airlock outbox supports PostgreSQL, MariaDB (or MySQL) and H2, not "
                + databaseProductName + ": point quarkus.airlock.outbox.datasource at a PostgreSQL, MariaDB, MySQL or H2"
                + " datasource");
    }
}
