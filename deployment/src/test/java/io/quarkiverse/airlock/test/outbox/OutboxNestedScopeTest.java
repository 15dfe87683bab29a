package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The outbox row of an intent flushed by a nested scope inside the business transaction is written in that
 * transaction, held until the enclosing scope decides: a rollback leaves no row, the enclosing scope's flush releases
 * it, its discard withdraws it, and a row whose enclosing scope never decides (the process died) is delivered once its
 * hold time has passed.
 */
public class OutboxNestedScopeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-nested", Shop.class, Notifier.class)
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms")
            .overrideConfigKey("quarkus.airlock.outbox.hold-timeout", "1s");

    @Inject
    Shop shop;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRolledBackTransactionLeavesNoRow() throws Exception {
        Airlock.scope(scope -> shop.placeCatching("rolled-back", true));

        assertThat(shop.heldInTransaction.get("rolled-back")).as("held in the business transaction").isEqualTo(1);
        assertThat(rows("rolled-back")).isZero();
        deliveredAfterAMarker();
        assertThat(shop.shipped).doesNotContain("rolled-back");
    }

    @Test
    void theRowIsWrittenInTheBusinessTransactionAndDeliveredWhenTheEnclosingScopeFlushes() throws Exception {
        Airlock.scope(scope -> {
            shop.place("committed", false);
            assertThat(rows("committed")).as("committed, held until this scope decides").isEqualTo(1);
        });

        assertThat(shop.heldInTransaction.get("committed")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.shipped.contains("committed"));
        deliveredAfterAMarker();
        assertThat(shop.shipped).containsOnlyOnce("committed");
    }

    @Test
    void aDiscardingEnclosingScopeWithdrawsTheRow() throws Exception {
        assertThatThrownBy(() -> Airlock.scope(scope -> {
            shop.place("discarded", false);
            throw new IllegalStateException("payment failed after the order was stored");
        })).hasMessageContaining("payment failed");

        assertThat(rows("discarded")).isZero();
        deliveredAfterAMarker();
        assertThat(shop.shipped).doesNotContain("discarded");
    }

    @Test
    void aRowWhoseEnclosingScopeNeverDecidesIsDeliveredAfterItsHoldTime() {
        Scope neverEnds = new Scope().enter();
        shop.place("orphaned", false);
        neverEnds.exit();

        await().atMost(Duration.ofSeconds(10)).until(() -> shop.shipped.contains("orphaned"));
        neverEnds.discard();
        assertThat(shop.shipped).containsOnlyOnce("orphaned");
    }

    /** Every row before this one's has been claimed: the relay delivers in due order. */
    private void deliveredAfterAMarker() {
        String marker = "marker-" + System.nanoTime();
        try {
            Airlock.scope(scope -> shop.place(marker, false));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.shipped.contains(marker));
    }

    private long rows(String order) throws Exception {
        return count(dataSource, "SELECT COUNT(*) FROM airlock_outbox WHERE args LIKE ?", order);
    }

    /** Rows whose arguments hold {@code order}, as a JSON string. */
    static long count(AgroalDataSource dataSource, String sql, String order) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "%\"" + order + "\"%");
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @ApplicationScoped
    public static class Notifier {
        @AirlockScope
        public void notifyShipping(String order) {
            Airlock.enqueue("ship", order);
        }
    }

    @Singleton
    public static class Shop {
        final List<String> shipped = new CopyOnWriteArrayList<>();
        final Map<String, Long> heldInTransaction = new ConcurrentHashMap<>();

        @Inject
        Notifier notifier;

        @Inject
        TransactionManager transactions;

        @Inject
        AgroalDataSource dataSource;

        public void placeCatching(String order, boolean rollback) {
            try {
                place(order, rollback);
            } catch (RuntimeException e) {
                // the unit of work around the transaction goes on
            }
        }

        @Transactional
        public void place(String order, boolean rollback) {
            notifier.notifyShipping(order);
            try {
                heldInTransaction.put(order, count(dataSource,
                        "SELECT COUNT(*) FROM airlock_outbox WHERE status = 'HELD' AND args LIKE ?", order));
                if (rollback) {
                    transactions.setRollbackOnly();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @AirlockTask
        void ship(String order) {
            shipped.add(order);
        }
    }
}
