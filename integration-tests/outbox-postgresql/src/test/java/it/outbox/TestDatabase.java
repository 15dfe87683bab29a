package it.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the tests run against, chosen by the system property {@code airlock.it.db-kind} (the build sets it, and
 * the datasource of the application under test from it): what the tests say in SQL that differs between databases.
 */
enum TestDatabase {

    POSTGRESQL("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/airlock", "current_schema()") {
        @Override
        String insertDueRows(String table, String task, int rows) {
            return "INSERT INTO " + table + " (id, task, args, options, attempts, next_attempt_at, status, created_at)"
                    + " SELECT gen_random_uuid(), '" + task + "', '[' || n || ']', '{}', 0, now(), 'PENDING', now()"
                    + " FROM generate_series(1, " + rows + ") AS n";
        }

        @Override
        String makeDue(String table) {
            return "UPDATE " + table + " SET next_attempt_at = CURRENT_TIMESTAMP - INTERVAL '1 second'";
        }

        @Override
        String claimPlan(Statement statement, String claimQuery) throws SQLException {
            // a test's table is tiny: only a plan that needs no sort of the due rows may be chosen, as it must be for a
            // backlog, where the LIMIT then stops the index scan after one batch
            statement.execute("SET LOCAL enable_seqscan = off");
            statement.execute("SET LOCAL enable_bitmapscan = off");
            statement.execute("SET LOCAL enable_sort = off");
            String plan = explain(statement, "EXPLAIN " + withValues(claimQuery, "now()"));
            assertThat(plan).as(claimQuery).contains("Index Scan using airlock_outbox_due");
            return plan;
        }

        @Override
        String waitingForLocks() {
            return "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = 'airlock' AND wait_event_type = 'Lock'";
        }

        /** A creation of the same table held open: PostgreSQL's DDL is transactional. */
        @Override
        void holdSchemaCreation(Connection blocker) throws SQLException {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("CREATE TABLE airlock_outbox (id UUID PRIMARY KEY)");
            }
        }

        @Override
        void releaseSchemaCreation(Connection blocker) throws SQLException {
            blocker.rollback();
        }
    },

    MARIADB("MariaDB", "jdbc:mariadb://127.0.0.1:3306/airlock", "DATABASE()") {
        @Override
        String insertDueRows(String table, String task, int rows) {
            // the outbox's times are UTC; seq_1_to_n is a table of MariaDB's Sequence engine
            return "INSERT INTO " + table + " (id, task, args, options, attempts, next_attempt_at, status, created_at)"
                    + " SELECT UUID(), '" + task + "', CONCAT('[', seq, ']'), '{}', 0, UTC_TIMESTAMP(6), 'PENDING',"
                    + " UTC_TIMESTAMP(6) FROM seq_1_to_" + rows;
        }

        @Override
        String makeDue(String table) {
            return "UPDATE " + table + " SET next_attempt_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND";
        }

        @Override
        String claimPlan(Statement statement, String claimQuery) throws SQLException {
            StringBuilder plan = new StringBuilder();
            try (ResultSet result = statement.executeQuery("EXPLAIN " + withValues(claimQuery, "UTC_TIMESTAMP(6)"))) {
                while (result.next()) {
                    assertThat(result.getString("key")).as(claimQuery).isEqualTo("airlock_outbox_due");
                    plan.append(result.getString("type")).append(' ').append(result.getString("Extra")).append('\n');
                }
            }
            return plan.toString();
        }

        @Override
        String waitingForLocks() {
            return "SELECT COUNT(*) FROM information_schema.processlist WHERE db = 'airlock' AND state = 'User lock'";
        }

        /**
         * MariaDB's DDL commits at once: the gate is the named lock the instances create the table under, held until
         * both wait for it.
         */
        @Override
        void holdSchemaCreation(Connection blocker) throws SQLException {
            try (Statement statement = blocker.createStatement()) {
                statement.execute("SELECT GET_LOCK(" + SCHEMA_LOCK + ", 10)");
            }
        }

        @Override
        void releaseSchemaCreation(Connection blocker) throws SQLException {
            try (Statement statement = blocker.createStatement()) {
                statement.execute("SELECT RELEASE_LOCK(" + SCHEMA_LOCK + ")");
            }
        }
    };

    /** The name of the lock Airlock creates table airlock_outbox under on MariaDB (OutboxDialect). */
    private static final String SCHEMA_LOCK = "CONCAT('airlock-', MD5(CONCAT_WS(':', DATABASE(),"
            + " 'airlock-outbox-schema:airlock_outbox')))";

    final String displayName;
    final String url;
    /**
     * The SQL function naming the schema the test's tables are in: MariaDB's information_schema spans every database
     * of the server, the test's and any other.
     */
    private final String currentSchema;

    TestDatabase(String displayName, String url, String currentSchema) {
        this.displayName = displayName;
        this.url = url;
        this.currentSchema = currentSchema;
    }

    static TestDatabase current() {
        return valueOf(System.getProperty("airlock.it.db-kind", "postgresql").toUpperCase());
    }

    /** The system properties that point the packaged application at this database. */
    String[] applicationProperties() {
        return new String[] { "-Dairlock.it.db-kind=" + name().toLowerCase(), "-Dairlock.it.jdbc-url=" + url };
    }

    /** Inserts {@code rows} rows of {@code task}, due now, whose arguments are {@code [1]} to {@code [rows]}. */
    abstract String insertDueRows(String table, String task, int rows);

    /** Makes every row of the table due a second ago. */
    abstract String makeDue(String table);

    /**
     * Explains a claim query with the parameters (now, 100) and asserts that it reads due rows from the
     * {@code (status, next_attempt_at)} index.
     *
     * @return the plan, to check that it needs no sort
     */
    abstract String claimPlan(Statement statement, String claimQuery) throws SQLException;

    /** Counts the sessions of the test database waiting for a lock. */
    abstract String waitingForLocks();

    /** Counts the tables named {@code table} in the test's schema. */
    String countTables(String table) {
        return "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '" + table + "' AND table_schema = "
                + currentSchema;
    }

    /** Counts the columns named {@code column} of {@code table} in the test's schema. */
    String countColumns(String table, String column) {
        return "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = '" + table + "' AND column_name = '"
                + column + "' AND table_schema = " + currentSchema;
    }

    /** Makes instances that create the outbox table wait, until {@link #releaseSchemaCreation}. */
    abstract void holdSchemaCreation(Connection blocker) throws SQLException;

    abstract void releaseSchemaCreation(Connection blocker) throws SQLException;

    private static String withValues(String claimQuery, String now) {
        return claimQuery.replaceFirst("\\?", now).replaceFirst("\\?", "100");
    }

    private static String explain(Statement statement, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                plan.append(result.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
