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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

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
 * The outbox on H2: the {@link OutboxContract}, and what this application shows besides: the row is written in the
 * business transaction, the handler sees its id and attempt, a dead letter keeps its error, arguments and origin and
 * can be resubmitted; arguments that cannot be stored are rejected at enqueue.
 */
public class OutboxH2Test extends OutboxContract {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2("outbox", OutboxContract.class, BusinessTransactions.class, Orders.class, Handlers.class,
                    Handlers.Shipped.class, Opaque.class)
            .overrideConfigKey("quarkus.airlock.outbox.max-attempts", "3")
            .overrideConfigKey("quarkus.airlock.outbox.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.airlock.outbox.max-backoff", "20ms")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    Orders orders;

    @Override
    protected List<Integer> shipAttempts(long orderId) {
        return Handlers.deliveries.stream().filter(delivery -> delivery.orderId() == orderId)
                .map(delivery -> delivery.outbox().attempt()).toList();
    }

    @Override
    protected void resetApplication() {
        Handlers.reset();
    }

    @Test
    void theRowIsWrittenInTheBusinessTransactionAndDeliveredWithItsId() throws SQLException {
        long rowsInTransaction = orders.placeCountingRows(42L);

        assertThat(rowsInTransaction).as("the row is written in the business transaction").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.deliveries.size() == 1);
        OutboxDelivery delivery = Handlers.deliveries.get(0).outbox();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(delivery.id()).isEmpty());
    }

    @Test
    void transactionMarkedRollbackOnlyLeavesNoRowAndDoesNotThrow() throws Exception {
        orders.placeMarkedRollbackOnly(8L);

        assertThat(rows()).isZero();
        assertThat(Handlers.deliveries).isEmpty();
    }

    @Test
    void flushOutsideATransactionWritesItsOwnRow() {
        Airlock.scope(scope -> Airlock.enqueue("ship", 5L));

        await().atMost(Duration.ofSeconds(10)).until(() -> !shipAttempts(5).isEmpty());
    }

    @Test
    void deadLetterKeepsItsErrorArgumentsAndOriginAndCanBeResubmitted() {
        orders.placeWithPoison(9L);

        OutboxEntry dead = deadLetter();
        assertThat(dead.lastError()).contains("poisoned on attempt 3");
        assertThat(dead.args()).isEqualTo("[\"bad\"]");
        assertThat(dead.origin()).isEqualTo("Orders#placeWithPoison");
        assertThat(Handlers.poisonAttempts).containsExactly(1, 2, 3);

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
        assertThat(rows()).isZero();
    }

    @Test
    void unknownTaskFailsAtEnqueueWhenTheRelayRunsHandlersHere() throws SQLException {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("shipp", 1L)))
                .isInstanceOf(UsageException.class).hasMessageContainingAll("Unknown task 'shipp'", "'ship'");
        assertThat(rows()).isZero();
    }

    @Test
    void inProcessActionIsRejectedAtEnqueue() {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("local", () -> {
        }))).isInstanceOf(UsageException.class).hasMessageContainingAll("'local'", "cannot be stored in the outbox");
    }

    @ApplicationScoped
    public static class Orders implements BusinessTransactions {

        @Inject
        AgroalDataSource dataSource;

        @Inject
        TransactionManager transactions;

        @Override
        @Transactional
        public void place(long orderId) {
            Airlock.scope(scope -> Airlock.enqueue("ship", orderId));
        }

        /** Places the order and counts the outbox rows its transaction sees before it commits. */
        @Transactional
        public long placeCountingRows(long orderId) throws SQLException {
            place(orderId);
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM airlock_outbox")) {
                result.next();
                return result.getLong(1);
            }
        }

        @Override
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

        @Override
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

        /** One {@code ship} run: its order, and the delivery the outbox handed it. */
        record Shipped(long orderId, OutboxDelivery outbox) {
        }

        static final List<Shipped> deliveries = new CopyOnWriteArrayList<>();
        static final List<Integer> poisonAttempts = new CopyOnWriteArrayList<>();
        static final AtomicBoolean cured = new AtomicBoolean();
        static final AtomicInteger inspected = new AtomicInteger();

        static void reset() {
            deliveries.clear();
            poisonAttempts.clear();
            cured.set(false);
        }

        @AirlockTask("ship")
        void ship(long orderId) {
            deliveries.add(new Shipped(orderId, AirlockOutbox.currentDelivery().orElseThrow()));
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
