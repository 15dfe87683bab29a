package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Liquibase creates the outbox table from the changelog shipped in the runtime jar
 * ({@code outbox-liquibase.properties} configures it), Airlock's own schema creation being off, and the outbox works
 * on it.
 */
public class OutboxLiquibaseTest extends ShippedMigrationsContract {

    @RegisterExtension
    static final QuarkusUnitTest config = migratedBy("quarkus-liquibase-deployment", "outbox-liquibase");

    @Test
    void theShippedChangelogCreatesTheTable() throws SQLException {
        // executed, not marked as ran: the table did not exist before
        assertThat(rows("SELECT id, exectype FROM databasechangelog ORDER BY orderexecuted")).containsExactly(
                "airlock-outbox-1 EXECUTED",
                "airlock-outbox-2 EXECUTED", "airlock-outbox-3 EXECUTED", "airlock-outbox-5 EXECUTED");
    }
}
