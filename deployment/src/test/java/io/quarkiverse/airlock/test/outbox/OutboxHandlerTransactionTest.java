package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.OutboxDelivery;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A handler the relay runs in this process shares the transaction that marks its row done: its writes to the outbox's
 * database commit with the row's completion, and a failure rolls both back, so they happen exactly once. A handler
 * that must commit on its own opts out with {@code REQUIRES_NEW}. While it runs, the log MDC names the task, the row
 * and the attempt.
 */
public class OutboxHandlerTransactionTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application("outbox-handler-tx");

    /** This test's application, which {@link OutboxHandlerTransactionOffTest} runs too. */
    static QuarkusUnitTest application(String database) {
        return OutboxTestApps.retryingAtOnce(
                OutboxTestApps.onH2(database, OutboxHandlerTransactionTest.class, Handlers.class, Effects.class));
    }

    @Test
    void theHandlersWritesOfAFailedAttemptRollBackWithIt() throws SQLException {
        assertThat(writesOfTwoAttempts("ship", "order-1"))
                .as("the first attempt's write rolled back with its failure").isEqualTo(1);
    }

    @Test
    void aWriteInItsOwnTransactionStaysWhenTheAttemptFails() throws SQLException {
        assertThat(writesOfTwoAttempts("audit", "order-2"))
                .as("REQUIRES_NEW committed each attempt's write on its own").isEqualTo(2);
    }

    /**
     * Commits an intent of the task for the order, whose handler fails its first attempt and succeeds its second, and
     * counts the writes the handler left.
     */
    static long writesOfTwoAttempts(String task, String order) throws SQLException {
        AirlockOutbox outbox = Arc.container().instance(AirlockOutbox.class).get();
        OutboxTestApps.commitScope(() -> Airlock.enqueue(task, order));

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.attempts.getOrDefault(order, 0) == 2
                && outbox.pendingCount() == 0);
        return OutboxTestApps.count(Arc.container().instance(AgroalDataSource.class).get(),
                "SELECT COUNT(*) FROM effects WHERE what LIKE ?", order);
    }

    @Test
    void theLogContextNamesTheTaskTheRowAndTheAttempt() {
        OutboxTestApps.commitScope(() -> Airlock.enqueue("ship", "order-3"));

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.logContext.containsKey("order-3"));
        String[] seen = Handlers.logContext.get("order-3").split(" ");
        assertThat(seen[0]).isEqualTo("ship");
        assertThat(seen[2]).isEqualTo("1");
        assertThat(seen[1]).isEqualTo(Handlers.rows.get("order-3").toString());
        assertThat(MDC.get("airlock.task")).as("only while a handler runs").isNull();
    }

    @Singleton
    public static class Handlers {

        static final Map<String, Integer> attempts = new ConcurrentHashMap<>();
        static final Map<String, String> logContext = new ConcurrentHashMap<>();
        static final Map<String, UUID> rows = new ConcurrentHashMap<>();

        @Inject
        Effects effects;

        void createTable(@Observes StartupEvent event, AgroalDataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS effects (what VARCHAR(100) NOT NULL)");
            }
        }

        /** Writes its effect, and fails its first attempt after the write. */
        @AirlockTask("ship")
        void ship(String order) throws SQLException {
            OutboxDelivery delivery = AirlockOutbox.currentDelivery().orElseThrow();
            attempts.put(order, delivery.attempt());
            rows.put(order, delivery.id());
            logContext.putIfAbsent(order, MDC.get("airlock.task") + " " + MDC.get("airlock.outbox.row") + " "
                    + MDC.get("airlock.outbox.attempt"));
            effects.write("\"" + order + "\"");
            if (order.equals("order-1") && delivery.attempt() == 1) {
                throw new IllegalStateException("carrier refused " + order);
            }
        }

        /** Like ship, with its write in a transaction of its own. */
        @AirlockTask("audit")
        void audit(String order) throws SQLException {
            int attempt = AirlockOutbox.currentDelivery().orElseThrow().attempt();
            attempts.put(order, attempt);
            effects.writeOnItsOwn("\"" + order + "\"");
            if (attempt == 1) {
                throw new IllegalStateException("audit refused " + order);
            }
        }
    }

    @Singleton
    public static class Effects {

        @Inject
        AgroalDataSource dataSource;

        @Transactional
        void write(String what) throws SQLException {
            insert(what);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        void writeOnItsOwn(String what) throws SQLException {
            insert(what);
        }

        private void insert(String what) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("INSERT INTO effects (what) VALUES (?)")) {
                statement.setString(1, what);
                statement.executeUpdate();
            }
        }
    }
}
