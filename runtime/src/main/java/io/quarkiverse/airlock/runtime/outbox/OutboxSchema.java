package io.quarkiverse.airlock.runtime.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The outbox table's schema: created from the DDL shipped for Flyway and Liquibase users when the application asks
 * for it, and checked at start-up otherwise.
 */
public final class OutboxSchema {

    private final OutboxStore store;

    public OutboxSchema(OutboxStore store) {
        this.store = store;
    }

    /**
     * Creates the table and its index when missing, from the DDL shipped for Flyway and Liquibase users. Where several
     * processes share the table, instances that start at once run the DDL one after the other (see
     * {@link OutboxDialect#createSchema}): {@code CREATE ... IF NOT EXISTS} alone is not safe then.
     */
    public void create() {
        String table = store.table();
        String ddl = ddl(store.dialect()).replace("airlock_outbox", table);
        // an index is named without the table's schema
        for (String index : INDEXES) {
            ddl = ddl.replace(" " + table + index + " ", " " + table.replace('.', '_') + index + " ");
        }
        List<String> statements = Arrays.stream(ddl.split(";")).filter(sql -> !sql.isBlank()).toList();
        try (Connection connection = store.dataSource().getConnection()) {
            store.dialect().createSchema(connection, "airlock-outbox-schema:" + table, statements);
        } catch (SQLException e) {
            throw new IllegalStateException("The Airlock outbox could not create table " + table + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Checks that the table exists with every column the relay uses, so that a missing migration stops the start-up
     * instead of failing every business transaction that reaches the outbox.
     *
     * @param datasource the datasource's name, for the message
     * @throws IllegalStateException naming the table, the datasource, the shipped migrations and the property that
     *         lets Airlock create the table
     */
    public void verify(String datasource) {
        String table = store.table();
        try (Connection connection = store.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT " + COLUMNS + " FROM " + table + " WHERE 1 = 0").close();
            statement.executeQuery("SELECT ordering_key, last_seq FROM " + OrderingKeys.table(table) + " WHERE 1 = 0")
                    .close();
        } catch (SQLException e) {
            String folder = store.dialect().folder;
            throw new IllegalStateException("The Airlock outbox table " + table + " of datasource " + datasource
                    + " is missing or lacks columns the relay needs (" + e.getMessage().trim() + "). Create it with the"
                    + " migrations shipped in the quarkus-airlock jar: " + folder
                    + String.join(" and " + folder, OutboxDialect.MIGRATIONS) + " for Flyway (quarkus.flyway.locations="
                    + folder.substring(0, folder.length() - 1) + "), db/airlock/liquibase/airlock-outbox.changelog.xml"
                    + " for Liquibase; or let Airlock create it at start-up with"
                    + " quarkus.airlock.outbox.create-schema=true", e);
        }
    }

    /** Every column the store reads or writes. */
    private static final String COLUMNS = "id, task, args, options, origin, attempts, next_attempt_at, status,"
            + " last_error, created_at, owner, ordering_key, ordering_seq";

    /** The suffixes the shipped DDL names the table's indexes with. */
    private static final List<String> INDEXES = List.of("_due", "_ordering");

    static String ddl(OutboxDialect dialect) {
        StringBuilder all = new StringBuilder();
        for (String migration : OutboxDialect.MIGRATIONS) {
            all.append(script(dialect.folder + migration)).append(";\n");
        }
        return all.toString();
    }

    private static String script(String resource) {
        try (InputStream in = OutboxSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.trim().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return sql.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
