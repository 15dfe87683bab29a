package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.OutboxDelivery;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The outbox on H2: rows are written in the business transaction, delivered once after the commit with their id and
 * attempt number visible to the handler, retried, dead-lettered and resubmitted; arguments that cannot be stored are
 * rejected at enqueue.
 */
public class OutboxH2Test {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox", Orders.class, Handlers.class, Opaque.class)
            .overrideConfigKey("quarkus.airlock.outbox.max-attempts", "3")
            .overrideConfigKey("quarkus.airlock.outbox.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.airlock.outbox.max-backoff", "20ms")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    Orders orders;

    @Inject
    AirlockOutbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() throws SQLException {
        Handlers.reset();
        execute("DELETE FROM airlock_outbox");
    }

    @Test
    void committedIntentIsDeliveredOnceWithItsRowIdAndAttempt() throws SQLException {
        long rowsInTransaction = orders.place(42L);

        assertThat(rowsInTransaction).as("the row is written in the business transaction").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.shipped.size() == 1);
        OutboxDelivery delivery = Handlers.deliveries.get(0);
        assertThat(Handlers.shipped).containsExactly(42L);
        assertThat(delivery.attempt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(delivery.id()).isEmpty());
        assertThat(outbox.pendingCount()).isZero();
        assertThat(Handlers.shipped).as("delivered exactly once").containsExactly(42L);
    }

    @Test
    void rollbackLeavesNoRow() throws SQLException {
        assertThatThrownBy(() -> orders.placeThenFail(7L)).isInstanceOf(IllegalStateException.class);

        assertThat(count()).isZero();
        assertThat(Handlers.shipped).isEmpty();
    }

    @Test
    void transactionMarkedRollbackOnlyLeavesNoRowAndDoesNotThrow() throws Exception {
        orders.placeMarkedRollbackOnly(8L);

        assertThat(count()).isZero();
        assertThat(Handlers.shipped).isEmpty();
    }

    @Test
    void flushOutsideATransactionWritesItsOwnRow() {
        Airlock.scope(scope -> Airlock.enqueue("ship", 5L));

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.shipped.contains(5L));
    }

    @Test
    void poisonIntentIsDeadLetteredAfterMaxAttemptsWhileOthersFlowAndCanBeResubmitted() {
        orders.placeWithPoison(9L);

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.deadLetters(10).size() == 1);
        OutboxEntry dead = outbox.deadLetters(10).get(0);
        assertThat(Handlers.shipped).containsExactly(9L);
        assertThat(dead.task()).isEqualTo("poison");
        assertThat(dead.status()).isEqualTo(OutboxEntry.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).contains("poisoned on attempt 3");
        assertThat(dead.args()).isEqualTo("[\"bad\"]");
        assertThat(dead.origin()).isEqualTo("Orders#placeWithPoison");
        assertThat(Handlers.poisonAttempts).containsExactly(1, 2, 3);
        assertThat(outbox.pendingCount()).isZero();

        Handlers.cured.set(true);
        assertThat(outbox.resubmit(dead.id())).isTrue();
        assertThat(outbox.resubmit(UUID.randomUUID())).as("no such dead letter").isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(dead.id()).isEmpty());
        assertThat(Handlers.poisonAttempts).containsExactly(1, 2, 3, 1);
        assertThat(outbox.deadLetters(10)).isEmpty();
    }

    @Test
    void argumentThatIsNotJsonIsRejectedAtEnqueueNamingIt() throws SQLException {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("inspect", "fine", new Opaque())))
                .isInstanceOf(UsageException.class)
                .hasMessageContainingAll("Task 'inspect'", "argument 1", Opaque.class.getName(), "JSON");
        assertThat(count()).isZero();
    }

    @Test
    void unknownTaskFailsAtEnqueueWhenTheRelayRunsHandlersHere() throws SQLException {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("shipp", 1L)))
                .isInstanceOf(UsageException.class).hasMessageContainingAll("Unknown task 'shipp'", "'ship'");
        assertThat(count()).isZero();
    }

    @Test
    void inProcessActionIsRejectedAtEnqueue() {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("local", () -> {
        }))).isInstanceOf(UsageException.class).hasMessageContainingAll("'local'", "cannot be stored in the outbox");
    }

    private long count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM airlock_outbox")) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @ApplicationScoped
    public static class Orders {

        @Inject
        AgroalDataSource dataSource;

        @Inject
        TransactionManager transactions;

        @Transactional
        public long place(long orderId) throws SQLException {
            Airlock.scope(scope -> Airlock.enqueue("ship", orderId));
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM airlock_outbox")) {
                result.next();
                return result.getLong(1);
            }
        }

        @Transactional
        public void placeThenFail(long orderId) {
            Airlock.scope(scope -> Airlock.enqueue("ship", orderId));
            throw new IllegalStateException("payment declined");
        }

        @Transactional
        public void placeMarkedRollbackOnly(long orderId) throws SystemException {
            transactions.setRollbackOnly();
            Airlock.scope(scope -> Airlock.enqueue("ship", orderId));
        }

        @Transactional
        public void placeWithPoison(long orderId) {
            Airlock.scope(new io.quarkiverse.airlock.Scope().withOrigin("Orders#placeWithPoison"), scope -> {
                Airlock.enqueue("poison", "bad");
                Airlock.enqueue("ship", orderId);
            });
        }
    }

    @ApplicationScoped
    public static class Handlers {

        static final List<Long> shipped = new CopyOnWriteArrayList<>();
        static final List<OutboxDelivery> deliveries = new CopyOnWriteArrayList<>();
        static final List<Integer> poisonAttempts = new CopyOnWriteArrayList<>();
        static final AtomicBoolean cured = new AtomicBoolean();
        static final AtomicInteger inspected = new AtomicInteger();

        static void reset() {
            shipped.clear();
            deliveries.clear();
            poisonAttempts.clear();
            cured.set(false);
        }

        @AirlockTask("ship")
        void ship(long orderId) {
            Optional<OutboxDelivery> delivery = AirlockOutbox.currentDelivery();
            deliveries.add(delivery.orElseThrow());
            shipped.add(orderId);
        }

        @AirlockTask("poison")
        void poison(String value) {
            int attempt = AirlockOutbox.currentDelivery().orElseThrow().attempt();
            poisonAttempts.add(attempt);
            if (!cured.get()) {
                throw new IllegalArgumentException("poisoned on attempt " + attempt);
            }
        }

        @AirlockTask("inspect")
        void inspect(String label, Object value) {
            inspected.incrementAndGet();
        }
    }

    /** Jackson finds nothing to write in it. */
    public static class Opaque {
        private final int secret = 1;
    }
}
