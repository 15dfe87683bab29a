package io.quarkiverse.airlock.runtime.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox table's schema: created from the DDL shipped for Flyway and Liquibase users when the application asks
 * for it, and checked at start-up otherwise.
 */
public final class OutboxSchema {

    private final OutboxStore store;

    public OutboxSchema(OutboxStore store) {
        this.store = store;
    }

    /** Creates the table and its index when missing, from the DDL shipped for Flyway and Liquibase users. */
    public void create() {
        String table = store.table();
        String ddl = ddl(store.dialect()).replace("airlock_outbox", table).replace(table + "_due",
                table.replace('.', '_') + "_due");
        try (Connection connection = store.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : ddl.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The Airlock outbox could not create table " + table + ": " + e.getMessage(),
                    e);
        }
    }

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
