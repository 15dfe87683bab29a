package io.quarkiverse.airlock.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dialect follows the product name the JDBC driver reports; every dialect ships each migration, and only H2 keeps
 * the table to a single relay.
 */
class OutboxDialectTest {

    @Test
    void productNamesOfTheDriversPickTheirDialect() {
        assertThat(OutboxDialect.of("PostgreSQL")).isEqualTo(OutboxDialect.POSTGRESQL);
        assertThat(OutboxDialect.of("H2")).isEqualTo(OutboxDialect.H2);
        assertThat(OutboxDialect.of("MariaDB")).isEqualTo(OutboxDialect.MARIADB);
        // MySQL Connector/J, and the MariaDB driver on a MySQL server
        assertThat(OutboxDialect.of("MySQL")).isEqualTo(OutboxDialect.MARIADB);
    }

    @Test
    void anotherDatabaseIsRefusedWithTheSupportedOnesNamed() {
        assertThatThrownBy(() -> OutboxDialect.of("Oracle")).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("not Oracle", "PostgreSQL", "MariaDB", "MySQL", "H2",
                        "quarkus.airlock.outbox.datasource");
    }

    @Test
    void relaysShareTheTableWhereLockedRowsAreSkipped() {
        for (OutboxDialect dialect : OutboxDialect.values()) {
            assertThat(dialect.sharesTable()).as(dialect.name()).isEqualTo(dialect.lockClause.contains("SKIP LOCKED"));
        }
        assertThat(OutboxDialect.MARIADB.sharesTable()).isTrue();
        assertThat(OutboxDialect.MARIADB.relaxedCommit).as("no per-transaction relaxed commit").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(OutboxDialect.class)
    void everyMigrationIsShippedAndCreatesTheSameColumns(OutboxDialect dialect) {
        String ddl = OutboxSchema.ddl(dialect);
        assertThat(dialect.folder).isEqualTo("db/airlock/" + dialect.name().toLowerCase() + "/");
        for (String column : OutboxStore.COLUMNS.split(", ")) {
            assertThat(ddl).as(dialect.name()).contains(column.trim() + " ");
        }
        assertThat(ddl).contains("owner VARCHAR(255)", "airlock_outbox_due ON airlock_outbox (status, next_attempt_at)");
    }
}
