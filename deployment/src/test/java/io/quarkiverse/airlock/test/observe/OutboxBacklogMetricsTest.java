package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.airlock.test.outbox.OutboxTestApps;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The backlog an operator alerts on: the age of the row that fell due first, and the rows by status. Here no relay
 * runs, so a due row waits.
 */
public class OutboxBacklogMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2(List.of("quarkus-micrometer-deployment"), "outbox-backlog-metrics", OutboxMetricsTest.Registry.class)
            .overrideConfigKey("quarkus.micrometer.binder-enabled-default", "false")
            .overrideConfigKey("quarkus.airlock.outbox.relay-enabled", "false");

    @Inject
    SimpleMeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Test
    void theOldestDueRowsAgeAndTheRowsByStatusAreGauges() throws Exception {
        assertThat(gauge("airlock.outbox.oldest.due.age")).as("nothing due").isZero();

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO airlock_outbox (id, task, args, options, attempts, next_attempt_at, status,"
                    + " created_at) VALUES (RANDOM_UUID(), 'ship', '[1]', '{}', 0, DATEADD('MINUTE', -2,"
                    + " CURRENT_TIMESTAMP), 'PENDING', CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO airlock_outbox (id, task, args, options, attempts, next_attempt_at, status,"
                    + " created_at) VALUES (RANDOM_UUID(), 'ship', '[2]', '{}', 1, CURRENT_TIMESTAMP, 'DEAD',"
                    + " CURRENT_TIMESTAMP)");
        }
        Thread.sleep(1100); // the gauges share one answer of the table for a second

        assertThat(gauge("airlock.outbox.oldest.due.age")).isBetween(119.0, 600.0);
        assertThat(registry.get("airlock.outbox.rows").tag("status", "pending").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("airlock.outbox.rows").tag("status", "dead").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("airlock.outbox.rows").tag("status", "held").gauge().value()).isZero();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

}
