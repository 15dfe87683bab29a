package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code handler-transaction=false} a handler commits its writes on its own: the write of a failed attempt stays,
 * and a retry writes again.
 */
public class OutboxHandlerTransactionOffTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxHandlerTransactionTest.application("outbox-handler-tx-off")
            .overrideConfigKey("quarkus.airlock.outbox.handler-transaction", "false");

    @Test
    void theWriteOfAFailedAttemptStays() throws SQLException {
        assertThat(OutboxHandlerTransactionTest.writesOfTwoAttempts("ship", "order-1")).isEqualTo(2);
    }
}
