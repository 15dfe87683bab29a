package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A migration tool, not Airlock, creates the outbox table from the files shipped in the runtime jar, and the outbox
 * delivers through that table, keyed intents included. A subclass per tool checks what the tool applied.
 */
public abstract class ShippedMigrationsContract {

    /**
     * The application, Airlock's own schema creation off.
     *
     * @param extension the migration tool's deployment artifact id
     * @param name the H2 database's name, and that of the resource {@code <name>.properties} that configures the tool,
     *        as an application would in its {@code application.properties}
     */
    static QuarkusUnitTest migratedBy(String extension, String name) {
        return OutboxTestApps.onH2(List.of(extension), name, ShippedMigrationsContract.class, Handlers.class)
                .withConfigurationResource(name + ".properties")
                .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AirlockOutbox outbox;

    @Test
    void theOutboxDeliversThroughTheMigratedTable() {
        OutboxTestApps.commitScope(() -> {
            Airlock.enqueue("ship", 7L);
            Airlock.intent("ship").orderingKey("customer-1").args(8L).enqueue();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.shipped.size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pendingCount() == 0);
        assertThat(Handlers.shipped).containsExactlyInAnyOrder(7L, 8L);
    }

    /** The rows {@code sql} selects, each one its columns joined by a space. */
    List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(result.getString(column));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    public static class Handlers {

        static final List<Long> shipped = new CopyOnWriteArrayList<>();

        @AirlockTask("ship")
        void ship(long orderId) {
            shipped.add(orderId);
        }
    }
}
