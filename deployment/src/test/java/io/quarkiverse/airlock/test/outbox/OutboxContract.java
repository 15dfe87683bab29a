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

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.OutboxEntry;

/**
 * What the outbox promises on every database: a committed intent is delivered once, at its first attempt; a rolled
 * back one leaves no row; an intent whose handler always fails is dead-lettered after three attempts while the intents
 * enqueued with it flow. {@link OutboxH2Test} runs it on H2, integration-tests/outbox-postgresql on PostgreSQL and
 * MariaDB, each against an application with a {@link BusinessTransactions} bean, the tasks {@code ship} and
 * {@code poison}, and {@code quarkus.airlock.outbox.max-attempts=3}.
 */
public abstract class OutboxContract {

    /** The application's business transactions the contract runs, each in a transaction of its own. */
    public interface BusinessTransactions {
        /** Enqueues {@code ship} for the order; commits. */
        void place(long orderId) throws Exception;

        /** Enqueues {@code ship} for the order, then fails with an {@link IllegalStateException} that rolls back. */
        void placeThenFail(long orderId) throws Exception;

        /** Enqueues {@code poison}, whose handler fails every attempt, then {@code ship} for the order; commits. */
        void placeWithPoison(long orderId) throws Exception;
    }

    @Inject
    protected AirlockOutbox outbox;

    @Inject
    protected AgroalDataSource dataSource;

    @Inject
    protected BusinessTransactions transactions;

    /** The attempt numbers {@code ship} ran with for the order, one per run. */
    protected abstract List<Integer> shipAttempts(long orderId) throws Exception;

    /**
     * Forgets what the application wrote and what its handlers recorded, once the outbox is empty: nothing left in it
     * can be delivered after.
     */
    protected abstract void resetApplication() throws Exception;

    @BeforeEach
    void emptyTheOutbox() throws Exception {
        execute("DELETE FROM airlock_outbox");
        resetApplication();
    }

    @Test
    protected void committedIntentIsDeliveredOnceAtItsFirstAttempt() throws Exception {
        transactions.place(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> !shipAttempts(1).isEmpty() && rows() == 0);
        assertThat(shipAttempts(1)).as("delivered exactly once, at its first attempt").containsExactly(1);
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    protected void rollbackLeavesNoRow() throws Exception {
        assertThatThrownBy(() -> transactions.placeThenFail(2)).isInstanceOf(IllegalStateException.class);

        assertThat(rows()).isZero();
        assertThat(shipAttempts(2)).isEmpty();
    }

    @Test
    protected void poisonIntentIsDeadLetteredAfterMaxAttemptsWhileOthersFlow() throws Exception {
        transactions.placeWithPoison(3);
        transactions.place(4);

        OutboxEntry dead = deadLetter();
        assertThat(dead.task()).isEqualTo("poison");
        assertThat(dead.status()).isEqualTo(OutboxEntry.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> shipAttempts(3).size() + shipAttempts(4).size() == 2);
        assertThat(shipAttempts(3)).as("the ship enqueued with the poison").containsExactly(1);
        assertThat(shipAttempts(4)).as("the ship of a later transaction").containsExactly(1);
        assertThat(outbox.pendingCount()).isZero();
    }

    /** The one dead letter, once there is one. */
    protected OutboxEntry deadLetter() {
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.deadLetters(10).size() == 1);
        return outbox.deadLetters(10).get(0);
    }

    /** The rows of the outbox table, whatever their state. */
    protected long rows() throws SQLException {
        return count("SELECT COUNT(*) FROM airlock_outbox");
    }

    /** What {@code sql}, a {@code SELECT COUNT(*)}, counts. */
    protected long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    protected void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
