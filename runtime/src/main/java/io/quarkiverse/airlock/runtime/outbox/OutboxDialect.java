package io.quarkiverse.airlock.runtime.outbox;

import java.util.Locale;

/**
 * What differs between the databases the outbox supports: how rows are claimed, and which DDL creates the table.
 */
enum OutboxDialect {

    /** Rows locked by another relay are skipped: any number of relays share the table. */
    POSTGRESQL(" FOR UPDATE SKIP LOCKED", "db/airlock/postgresql/"),

    /**
     * H2 cannot skip locked rows: a second relay would wait for the first, and could claim a row twice. H2 is an
     * embedded database, so there is one process; its relay claims under a lock of its own.
     */
    H2(" FOR UPDATE", "db/airlock/h2/");

    /** The shipped migrations, in the order they apply: the same files in each dialect's folder. */
    static final java.util.List<String> MIGRATIONS = java.util.List.of("V1_0_0__airlock_outbox.sql",
            "V1_1_0__airlock_outbox_owner.sql");

    final String lockClause;
    /** The folder of its shipped migrations. */
    final String folder;

    OutboxDialect(String lockClause, String folder) {
        this.lockClause = lockClause;
        this.folder = folder;
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
