package io.quarkiverse.airlock.runtime.outbox;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 database of a test's own, kept while the JVM runs, so that each test starts from an empty outbox. */
final class FreshH2 {

    private FreshH2() {
    }

    /**
     * @param name what the database is for, part of its unique name
     * @param settings further URL settings, each {@code ;KEY=VALUE}
     */
    static JdbcDataSource database(String name, String settings) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings);
        return h2;
    }
}
