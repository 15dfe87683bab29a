package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Flyway creates the outbox table from the H2 script shipped in the runtime jar, Airlock's own schema creation being
 * off, and the outbox works on it.
 */
public class OutboxFlywayTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2(List.of("quarkus-flyway-deployment"), "outbox-flyway", Handlers.class)
            // tag::flyway[]
            .overrideConfigKey("quarkus.flyway.migrate-at-start", "true")
            .overrideConfigKey("quarkus.flyway.locations", "db/airlock/h2")
            .overrideConfigKey("quarkus.airlock.outbox.create-schema", "false")
            // end::flyway[]
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    Flyway flyway;

    @Inject
    AirlockOutbox outbox;

    @Test
    void theShippedScriptsCreateTheTableTheOutboxUses() {
        assertThat(flyway.info().applied()).extracting(migration -> migration.getVersion().getVersion(),
                migration -> migration.getScript()).containsExactly(
                        tuple("1.0.0", "db/airlock/h2/V1_0_0__airlock_outbox.sql"),
                        tuple("1.1.0", "db/airlock/h2/V1_1_0__airlock_outbox_owner.sql"),
                        tuple("1.2.0", "db/airlock/h2/V1_2_0__airlock_outbox_ordering.sql"));

        QuarkusTransaction.requiringNew().run(() -> Airlock.scope(scope -> Airlock.enqueue("ship", 7L)));

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.shipped.contains(7L));
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pendingCount() == 0);
        assertThat(Handlers.shipped).containsExactly(7L);
    }

    public static class Handlers {

        static final List<Long> shipped = new CopyOnWriteArrayList<>();

        @AirlockTask("ship")
        void ship(long orderId) {
            shipped.add(orderId);
        }
    }
}
