package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code handler-transaction=false} a handler commits its writes on its own: the write of a failed attempt stays,
 * and a retry writes again.
 */
public class OutboxHandlerTransactionOffTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2("outbox-handler-tx-off", OutboxHandlerTransactionTest.class,
                    OutboxHandlerTransactionTest.Handlers.class, OutboxHandlerTransactionTest.Effects.class)
            .overrideConfigKey("quarkus.airlock.outbox.handler-transaction", "false")
            .overrideConfigKey("quarkus.airlock.outbox.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.airlock.outbox.max-backoff", "20ms");

    @Inject
    AirlockOutbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theWriteOfAFailedAttemptStays() throws SQLException {
        assertThat(OutboxHandlerTransactionTest.writesOfTwoAttempts("ship", "order-1", outbox, dataSource))
                .isEqualTo(2);
    }
}
