package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The backlog an operator alerts on: the age of the row that fell due first, and the rows by status. Here no relay
 * runs, so a due row waits.
 */
public class OutboxBacklogMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(OutboxMetricsTest.Registry.class))
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-micrometer-deployment",
                    Version.getVersion())))
            .overrideConfigKey("quarkus.micrometer.binder-enabled-default", "false")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-backlog-metrics;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.airlock.outbox.enabled", "true")
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
