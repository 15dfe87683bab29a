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
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Liquibase creates the outbox table from the changelog shipped in the runtime jar, Airlock's own schema creation being
 * off, and the outbox works on it.
 */
public class OutboxLiquibaseTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2(List.of("quarkus-liquibase-deployment"), "outbox-liquibase", Handlers.class)
            // tag::liquibase[]
            .overrideConfigKey("quarkus.liquibase.migrate-at-start", "true")
            .overrideConfigKey("quarkus.liquibase.change-log", "db/airlock/liquibase/airlock-outbox.changelog.xml")
            .overrideConfigKey("quarkus.airlock.outbox.create-schema", "false")
            // end::liquibase[]
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AirlockOutbox outbox;

    @Test
    void theShippedChangelogCreatesTheTableTheOutboxUses() throws SQLException {
        // executed, not marked as ran: the table did not exist before
        assertThat(changeSets()).containsExactly("airlock-outbox-1 EXECUTED", "airlock-outbox-2 EXECUTED",
                "airlock-outbox-3 EXECUTED", "airlock-outbox-5 EXECUTED");

        QuarkusTransaction.requiringNew().run(() -> Airlock.scope(scope -> {
            Airlock.enqueue("ship", 7L);
            Airlock.intent("ship").orderingKey("customer-1").args(8L).enqueue();
        }));

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.shipped.size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pendingCount() == 0);
        assertThat(Handlers.shipped).containsExactlyInAnyOrder(7L, 8L);
    }

    private List<String> changeSets() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, exectype FROM databasechangelog")) {
            while (result.next()) {
                ids.add(result.getString(1) + " " + result.getString(2));
            }
        }
        return ids;
    }

    public static class Handlers {

        static final List<Long> shipped = new CopyOnWriteArrayList<>();

        @AirlockTask("ship")
        void ship(long orderId) {
            shipped.add(orderId);
        }
    }
}
