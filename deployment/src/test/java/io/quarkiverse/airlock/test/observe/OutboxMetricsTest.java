package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.test.outbox.OutboxTestApps;
import io.quarkiverse.airlock.test.outbox.TransactionalOrders;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With Micrometer and the outbox, the rows waiting for delivery and the dead letters are gauges, so an alert can fire
 * on a dead letter.
 */
public class OutboxMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2(List.of("quarkus-micrometer-deployment"), "outbox-metrics", Partner.class, Registry.class,
                    TransactionalOrders.class)
            .overrideConfigKey("quarkus.micrometer.binder-enabled-default", "false")
            .overrideConfigKey("quarkus.airlock.outbox.max-attempts", "1")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    SimpleMeterRegistry registry;

    @Inject
    TransactionalOrders orders;

    @Inject
    AirlockOutbox outbox;

    @Inject
    DataSource dataSource;

    @Test
    void aDeadLetterShowsOnTheGaugeUntilItIsResubmitted() {
        assertThat(gauge("airlock.outbox.dead")).isZero();

        orders.place("notifyPartner", 12L);

        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("airlock.outbox.dead") == 1.0);
        assertThat(gauge("airlock.outbox.pending")).isZero();

        Partner.up = true;
        assertThat(outbox.resubmit(outbox.deadLetters(1).get(0).id())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("airlock.outbox.dead") == 0.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("airlock.outbox.pending") == 0.0);
    }

    @Test
    void deliveriesAndFailuresAreCountedByTaskAndAnUndeclaredTaskIsTaggedOther() throws Exception {
        Partner.up = true;
        orders.place("notifyPartner", 13L);
        await().atMost(Duration.ofSeconds(10)).until(() -> counter("airlock.outbox.delivered", "task", "notifyPartner") >= 1);

        // a row of a task this application does not declare (removed since it was written)
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO airlock_outbox (id, task, args, options, attempts, next_attempt_at, status,"
                    + " created_at) VALUES (RANDOM_UUID(), 'retiredTask', '[1]', '{}', 0, CURRENT_TIMESTAMP, 'PENDING',"
                    + " CURRENT_TIMESTAMP)");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> counter("airlock.outbox.failed", "task", "other", "outcome", "dead") == 1.0);
        assertThat(registry.find("airlock.outbox.failed").tag("task", "retiredTask").counters())
                .as("the task tag takes declared names only").isEmpty();
        assertThat(registry.get("airlock.outbox.delivery").tag("task", "notifyPartner").timer().count())
                .isGreaterThanOrEqualTo(1);
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    public static class Partner {

        static volatile boolean up;

        @AirlockTask
        void notifyPartner(long id) {
            if (!up) {
                throw new IllegalStateException("partner is down for order " + id);
            }
        }
    }

    public static class Registry {

        @Produces
        @Singleton
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }
}
