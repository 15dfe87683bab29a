package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockException;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A scope's intents reach the outbox together: all of them are stored or none, each with its own delay, in the order
 * they were enqueued, and listeners still see each one.
 */
public class OutboxBatchWriteTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2("outbox-batch-write", Orders.class, Handlers.class, Dispatched.class)
            // delivered rows stay as DONE, so that a row written at all is still counted after its delivery
            .overrideConfigKey("quarkus.airlock.outbox.retention", "1h")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    Orders orders;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() throws SQLException {
        Handlers.shipped.clear();
        Dispatched.names.clear();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM airlock_outbox");
        }
    }

    @Test
    void scopeOutsideATransactionStoresAllItsIntentsOrNone() throws SQLException {
        // the second row does not fit the origin column: the first must not be stored without it
        Throwable failure = catchThrowable(() -> Airlock.scope(scope -> {
            Airlock.enqueue("ship", 1L);
            Airlock.intent("ship").origin("x".repeat(2_000)).args(2L).enqueue();
            Airlock.enqueue("ship", 3L);
        }));

        assertThat(count("1 = 1")).as("rows stored of the failed flush").isZero();
        assertThat(failure).isInstanceOf(AirlockException.class)
                .hasMessageContainingAll("could not write the 3 intents", "ship(1) first", "to the outbox");
        assertThat(Handlers.shipped).isEmpty();
    }

    @Test
    void scopeInATransactionStoresItsIntentsInOrderEachWithItsOwnDelay() throws SQLException {
        orders.place();

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.shipped.size() == 2);
        assertThat(Handlers.shipped).as("the due ones, in the order enqueued").containsExactly(1L, 3L);
        assertThat(count("status = 'PENDING' AND next_attempt_at > created_at + INTERVAL '50' MINUTE"))
                .as("the delayed one, due in an hour").isEqualTo(1);
        assertThat(Dispatched.names).as("the listener saw each intent").containsExactly("ship", "ship", "ship");
    }

    private long count(String condition) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM airlock_outbox WHERE " + condition)) {
            result.next();
            return result.getLong(1);
        }
    }

    @ApplicationScoped
    public static class Orders {

        @Transactional
        public void place() {
            Airlock.scope(scope -> {
                Airlock.enqueue("ship", 1L);
                Airlock.intent("ship").option("delay", Duration.ofHours(1)).args(2L).enqueue();
                Airlock.enqueue("ship", 3L);
            });
        }
    }

    @ApplicationScoped
    public static class Handlers {

        static final List<Long> shipped = new CopyOnWriteArrayList<>();

        @AirlockTask("ship")
        void ship(long orderId) {
            shipped.add(orderId);
        }
    }

    /** Records each intent the flush hands to the outbox (the relay tells of its deliveries too). */
    @ApplicationScoped
    public static class Dispatched implements AirlockListener {

        static final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public void dispatching(Intent intent, IntentExecutor executor) {
            if ("outbox".equals(executor.toString())) {
                names.add(intent.name());
            }
        }
    }
}
