package it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The broker is stopped while intents are committed through the outbox: the relay's sends fail, each failure is
 * recorded on its row, which stays pending; once the broker is back the relay's retries deliver every row: each row id
 * arrives as the message id, and each intent is handled exactly once. Each broker module runs it against its broker,
 * with the test profile {@link Outbox}.
 */
public abstract class AbstractOutboxBrokerDownTest extends AbstractBrokerTest {

    static final int INTENTS = 5;

    /** The settings under {@code %outbox} in application.properties. */
    public static class Outbox implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "outbox";
        }
    }

    record Row(String id, int attempts, String status, String lastError, String args) {
    }

    @Inject
    Tap tap;

    @Inject
    AirlockOutbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void tapCleared() {
        tap.clear();
    }

    @Test
    void intentsCommittedWhileTheBrokerIsDownAreRetriedAndDeliveredOnceWhenItIsBack() throws SQLException {
        commit("outbox-before");
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.handled().contains("outbox-before x1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows().isEmpty() && tap.messageIds().size() == 1);
        String before = tap.messageIds().get(0);

        List<Row> waiting;
        broker.stop();
        try {
            for (int i = 1; i <= INTENTS; i++) {
                commit("outbox-down-" + i);
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rows().stream().filter(row -> row.lastError() != null).count() == INTENTS);
            waiting = rows();
            assertThat(deliveries.handled()).noneMatch(handled -> handled.startsWith("outbox-down-"));
        } finally {
            broker.start();
        }

        assertThat(waiting).hasSize(INTENTS).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("PENDING");
            assertThat(row.attempts()).isPositive();
            assertThat(row.lastError()).contains("could not send shop.ship");
        });

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> rows().isEmpty() && outbox.pendingCount() == 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries.handled().stream().filter(handled -> handled.startsWith("outbox-down-"))
                        .count() >= INTENTS && broker.drained());
        for (int i = 1; i <= INTENTS; i++) {
            assertThat(Collections.frequency(deliveries.handled(), "outbox-down-" + i + " x1"))
                    .as("deliveries of outbox-down-%d in %s", i, deliveries.handled()).isEqualTo(1);
        }
        // the row id is the message id; a send that timed out during the outage may still have reached the broker
        // once it was back, so the wire may carry a row twice, and Airlock's consumer handled it once (above)
        List<String> ids = waiting.stream().map(Row::id).toList();
        assertThat(tap.messageIds()).containsAll(ids);
        assertThat(tap.messageIds().stream().filter(id -> !id.equals(before)).distinct())
                .as("message ids other than the rows'").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(outbox.deadLetterCount()).isZero();
    }

    private static void commit(String order) {
        QuarkusTransaction.requiringNew().run(() -> Airlock.scope(scope -> Airlock.enqueue("shop.ship", order, 1)));
    }

    private List<Row> rows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement
                        .executeQuery("SELECT id, attempts, status, last_error, args FROM airlock_outbox")) {
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getInt(2), result.getString(3), result.getString(4),
                        result.getString(5)));
            }
        }
        return rows;
    }
}
