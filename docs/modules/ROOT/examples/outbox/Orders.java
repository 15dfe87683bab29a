package it.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;

/**
 * Business transactions that write an order and enqueue its shipping: the outbox row commits or rolls back with the
 * order.
 */
@ApplicationScoped
public class Orders {

    @Inject
    AgroalDataSource dataSource;

    // tag::place[]
    @Transactional
    public void place(long orderId) throws SQLException {
        insert(orderId); // the business data
        // the scope flushes inside the transaction: the outbox row commits or rolls back with the order
        Airlock.scope(scope -> Airlock.enqueue("ship", orderId));
    }
    // end::place[]

    @Transactional
    public void placeThenFail(long orderId) throws SQLException {
        insert(orderId);
        Airlock.scope(scope -> Airlock.enqueue("ship", orderId));
        throw new IllegalStateException("payment declined for order " + orderId);
    }

    @Transactional
    public void placeWithPoison(long orderId) throws SQLException {
        insert(orderId);
        Airlock.scope(scope -> {
            Airlock.enqueue("poison", "order " + orderId);
            Airlock.enqueue("ship", orderId);
        });
    }

    /** Enqueues the {@code n}th intent of ordering key {@code key} in a transaction of its own. */
    @Transactional
    public void enqueueOrdered(String key, int n) {
        Airlock.scope(scope -> Airlock.intent("ordered").orderingKey(key).args(key, n).enqueue());
    }

    /** Enqueues {@code count} counted intents in one transaction, due after {@code delay}. */
    @Transactional
    public void enqueueCounted(int from, int count, Duration delay) {
        Airlock.scope(scope -> {
            for (int i = from; i < from + count; i++) {
                Airlock.intent("count").args(i).option("delay", delay).enqueue();
            }
        });
    }

    private void insert(long orderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO orders (id) VALUES (?)")) {
            statement.setLong(1, orderId);
            statement.executeUpdate();
        }
    }
}
