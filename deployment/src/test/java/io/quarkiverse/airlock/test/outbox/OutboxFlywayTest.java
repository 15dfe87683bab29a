package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Flyway creates the outbox table from the H2 scripts shipped in the runtime jar ({@code outbox-flyway.properties}
 * configures it), Airlock's own schema creation being off, and the outbox works on it.
 */
public class OutboxFlywayTest extends ShippedMigrationsContract {

    @RegisterExtension
    static final QuarkusUnitTest config = migratedBy("quarkus-flyway-deployment", "outbox-flyway");

    @Inject
    Flyway flyway;

    @Test
    void theShippedScriptsCreateTheTable() {
        assertThat(flyway.info().applied()).extracting(migration -> migration.getVersion().getVersion(),
                migration -> migration.getScript()).containsExactly(
                        tuple("1.0.0", "db/airlock/h2/V1_0_0__airlock_outbox.sql"),
                        tuple("1.1.0", "db/airlock/h2/V1_1_0__airlock_outbox_owner.sql"),
                        tuple("1.2.0", "db/airlock/h2/V1_2_0__airlock_outbox_ordering.sql"));
    }
}
