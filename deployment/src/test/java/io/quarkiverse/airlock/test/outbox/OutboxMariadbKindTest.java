package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build accepts an outbox on a MariaDB datasource. H2's driver stands in for MariaDB's, so the application starts
 * without a server: the kind is checked at build time, the dialect chosen at start-up from what the driver reports
 * (integration-tests/outbox-mariadb runs the outbox on a real MariaDB).
 */
public class OutboxMariadbKindTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "mariadb")
            .overrideConfigKey("quarkus.datasource.jdbc.driver", "org.h2.Driver")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:mariadb-kind;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.airlock.outbox.enabled", "true");

    @Inject
    AirlockOutbox outbox;

    @Test
    void anOutboxOnAMariadbDatasourceBuildsAndStarts() {
        assertThat(outbox.pendingCount()).isZero();
    }
}
