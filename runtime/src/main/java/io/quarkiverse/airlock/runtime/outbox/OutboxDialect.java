package io.quarkiverse.airlock.runtime.outbox;

import java.util.Locale;

/**
 * What differs between the databases the outbox supports: how rows are claimed, and which DDL creates the table.
 */
enum OutboxDialect {

    /** Rows locked by another relay are skipped: any number of relays share the table. */
    POSTGRESQL(" FOR UPDATE SKIP LOCKED", "db/airlock/postgresql/",
            " AND set_config('synchronous_commit', 'off', true) IS NOT NULL"),

    /**
     * H2 cannot skip locked rows: a second relay would wait for the first, and could claim a row twice. H2 is an
     * embedded database, so there is one process; its relay claims under a lock of its own.
     */
    H2(" FOR UPDATE", "db/airlock/h2/", "");

    /** The shipped migrations, in the order they apply: the same files in each dialect's folder. */
    static final java.util.List<String> MIGRATIONS = java.util.List.of("V1_0_0__airlock_outbox.sql",
            "V1_1_0__airlock_outbox_owner.sql");

    final String lockClause;
    /** The folder of its shipped migrations. */
    final String folder;

    /**
     * Appended to the condition of the statement that records a row's outcome: lets the transaction it is part of (the
     * handler's, or the statement's own) commit without waiting for the flush to disk. An outcome lost in a crash of
     * the database server, not of the application, means that its row runs again, never that anything is lost; and the
     * transaction still commits or not as a whole, the handler's own writes with it. Without it each row would wait
     * for a disk flush of its own: 321 µs per row instead of 123 µs in the outbox benchmark (PostgreSQL 15, 2 vCPUs).
     */
    final String relaxedCommit;

    OutboxDialect(String lockClause, String folder, String relaxedCommit) {
        this.lockClause = lockClause;
        this.folder = folder;
        this.relaxedCommit = relaxedCommit;
    }

    /** Whether relays in several processes may claim rows concurrently. */
    boolean sharesTable() {
        return this == POSTGRESQL;
    }

    static OutboxDialect of(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        } else if (name.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("The Airlock outbox supports PostgreSQL and H2, not " + databaseProductName
                + ": point quarkus.airlock.outbox.datasource at a PostgreSQL or H2 datasource");
    }
}
