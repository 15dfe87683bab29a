package io.quarkiverse.airlock.test.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The outbox row of an intent flushed by a nested scope inside the business transaction is written in that
 * transaction, held until the enclosing scope decides: a rollback leaves no row, the enclosing scope's flush releases
 * it, its discard withdraws it, and a row whose enclosing scope never decides (the process died) is delivered once its
 * hold time has passed. The common case, an {@code @AirlockScope} service called from a {@code @Transactional} one in
 * the HTTP auto-scope, is the same: the request's outcome decides.
 */
public class OutboxNestedScopeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2("outbox-nested", Shop.class, Notifier.class, Ending.class, Orders.class)
            .overrideConfigKey("quarkus.airlock.http.auto-scope", "true")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms")
            .overrideConfigKey("quarkus.airlock.outbox.hold-timeout", "3s");

    @Inject
    Shop shop;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionManager transactions;

    @Inject
    AirlockOutbox outbox;

    /** The order names how its transaction ends; the caller catches the failure, so the enclosing scope flushes. */
    @ParameterizedTest
    @CsvSource({ "rolled-back, SET_ROLLBACK_ONLY", "thrown, THROW" })
    void aTransactionThatRollsBackLeavesNoRow(String order, String ending) throws Exception {
        Airlock.scope(scope -> shop.placeCatching(order, Ending.valueOf(ending)));

        assertThat(shop.heldInTransaction.get(order)).as("held in the business transaction").isEqualTo(1);
        assertNeverDelivered(order);
    }

    @Test
    void theRowIsWrittenInTheBusinessTransactionAndDeliveredWhenTheEnclosingScopeFlushes() throws Exception {
        Airlock.scope(scope -> {
            shop.place("committed", Ending.COMMIT);
            assertThat(rows("committed")).as("committed, held until this scope decides").isEqualTo(1);
        });

        assertDeliveredOnceAfterTheBusinessTransaction("committed");
    }

    @Test
    void aDiscardingEnclosingScopeWithdrawsTheRow() throws Exception {
        assertThatThrownBy(() -> Airlock.scope(scope -> {
            shop.place("discarded", Ending.COMMIT);
            throw new IllegalStateException("payment failed after the order was stored");
        })).hasMessageContaining("payment failed");

        assertNeverDelivered("discarded");
    }

    @Test
    void aRowWhoseEnclosingScopeNeverDecidesIsDeliveredAfterItsHoldTime() {
        Scope neverEnds = new Scope().enter();
        shop.place("orphaned", Ending.COMMIT);
        neverEnds.exit();

        assertThat(outbox.held(100)).as("listed as held until its hold time ends")
                .anySatisfy(row -> assertThat(row.args()).contains("orphaned"));
        assertThat(outbox.heldCount()).isPositive();

        await().atMost(Duration.ofSeconds(10)).until(() -> shop.shipped.contains("orphaned"));
        neverEnds.discard();
        assertThat(shop.shipped).containsOnlyOnce("orphaned");
        assertThat(outbox.held(100)).noneSatisfy(row -> assertThat(row.args()).contains("orphaned"));
    }

    @Test
    void anEnclosingScopeThatFlushesInATransactionThatRollsBackDeliversNothing() throws Exception {
        transactions.begin();
        try {
            Airlock.scope(scope -> shop.placeInItsOwnTransaction("released-then-rolled-back"));
            assertThat(rows("released-then-rolled-back")).as("committed by its own transaction").isEqualTo(1);
        } finally {
            transactions.rollback();
        }

        assertNeverDelivered("released-then-rolled-back");
    }

    @Test
    void anEnclosingScopeThatFlushesInATransactionMarkedForRollbackDeliversNothing() throws Exception {
        transactions.begin();
        try {
            Airlock.scope(scope -> {
                shop.placeInItsOwnTransaction("released-when-marked");
                transactions.setRollbackOnly();
            });
        } finally {
            transactions.rollback();
        }

        assertNeverDelivered("released-when-marked");
    }

    @Test
    void aDelayedRowWhoseEnclosingScopeNeverDecidesIsNotDeliveredBeforeItsDelay() throws Exception {
        Scope neverEnds = new Scope().enter();
        shop.placeWithDelay("delayed", Duration.ofHours(1));
        neverEnds.exit();

        try {
            assertThat(outbox.held(100)).filteredOn(row -> row.args().contains("delayed")).singleElement()
                    .satisfies(row -> assertThat(row.nextAttemptAt()).as("due after its delay, not its hold time")
                            .isAfterOrEqualTo(row.createdAt().plusHours(1)));
        } finally {
            neverEnds.discard();
        }
        assertThat(rows("delayed")).as("withdrawn").isZero();
    }

    @Test
    void aSuccessfulRequestDeliversTheRowItsTransactionWrote() throws Exception {
        given().post("/orders/answered").then().statusCode(200);

        assertDeliveredOnceAfterTheBusinessTransaction("answered");
    }

    @ParameterizedTest
    @ValueSource(strings = { "then-throw", "then-answer-500" })
    void aRequestThatFailsAfterTheCommitWithdrawsTheRow(String ending) throws Exception {
        String order = "request-" + ending;
        given().post("/orders/" + order + "/" + ending).then().statusCode(500);

        assertThat(shop.heldInTransaction.get(order)).as("written in the business transaction").isEqualTo(1);
        assertNeverDelivered(order);
    }

    /** Written in the business transaction, committed only with it, then delivered exactly once. */
    private void assertDeliveredOnceAfterTheBusinessTransaction(String order) {
        assertThat(shop.heldInTransaction.get(order)).as("written in the business transaction").isEqualTo(1);
        assertThat(shop.seenOutsideBeforeCommit.get(order)).as("not committed before the business transaction")
                .isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.shipped.contains(order));
        deliveredAfterAMarker();
        assertThat(shop.shipped).containsOnlyOnce(order);
    }

    /** No row is left, and the relay, having delivered a later one, never delivered this one. */
    private void assertNeverDelivered(String order) throws Exception {
        assertThat(rows(order)).isZero();
        deliveredAfterAMarker();
        assertThat(shop.shipped).doesNotContain(order);
    }

    /** Every row before this one's has been claimed: the relay delivers in due order. */
    private void deliveredAfterAMarker() {
        String marker = "marker-" + System.nanoTime();
        try {
            Airlock.scope(scope -> shop.place(marker, Ending.COMMIT));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.shipped.contains(marker));
    }

    private long rows(String order) throws Exception {
        return OutboxTestApps.count(dataSource, "SELECT COUNT(*) FROM airlock_outbox WHERE args LIKE ?", order);
    }

    enum Ending {
        COMMIT,
        SET_ROLLBACK_ONLY,
        THROW
    }

    @Path("/orders")
    public static class Orders {

        @Inject
        Shop shop;

        @POST
        @Path("/{order}")
        public String place(@PathParam("order") String order) {
            shop.place(order, Ending.COMMIT);
            return "placed";
        }

        @POST
        @Path("/{order}/then-throw")
        public String placeThenThrow(@PathParam("order") String order) {
            shop.place(order, Ending.COMMIT);
            throw new IllegalStateException("the payment failed after " + order + " was stored");
        }

        @POST
        @Path("/{order}/then-answer-500")
        public Response placeThenAnswer500(@PathParam("order") String order) {
            shop.place(order, Ending.COMMIT);
            return Response.serverError().entity("the payment failed").build();
        }
    }

    @ApplicationScoped
    public static class Notifier {
        @AirlockScope
        public void notifyShipping(String order) {
            Airlock.enqueue("ship", order);
        }

        @AirlockScope
        public void notifyShippingLater(String order, Duration delay) {
            Airlock.intent("ship").args(order).option("delay", delay).enqueue();
        }
    }

    @Singleton
    public static class Shop {
        final List<String> shipped = new CopyOnWriteArrayList<>();
        final Map<String, Long> heldInTransaction = new ConcurrentHashMap<>();
        final Map<String, Long> seenOutsideBeforeCommit = new ConcurrentHashMap<>();

        @Inject
        Notifier notifier;

        @Inject
        TransactionManager transactions;

        @Inject
        AgroalDataSource dataSource;

        public void placeCatching(String order, Ending ending) {
            try {
                place(order, ending);
            } catch (RuntimeException e) {
                // the unit of work around the transaction goes on
            }
        }

        @Transactional
        public void place(String order, Ending ending) {
            notifier.notifyShipping(order);
            try {
                heldInTransaction.put(order, OutboxTestApps.count(dataSource,
                        "SELECT COUNT(*) FROM airlock_outbox WHERE status = 'HELD' AND args LIKE ?", order));
                Transaction business = transactions.suspend();
                try {
                    seenOutsideBeforeCommit.put(order, OutboxTestApps.count(dataSource,
                            "SELECT COUNT(*) FROM airlock_outbox WHERE args LIKE ?", order));
                } finally {
                    transactions.resume(business);
                }
                if (ending == Ending.SET_ROLLBACK_ONLY) {
                    transactions.setRollbackOnly();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (ending == Ending.THROW) {
                throw new IllegalStateException("out of stock: " + order);
            }
        }

        @Transactional
        public void placeWithDelay(String order, Duration delay) {
            notifier.notifyShippingLater(order, delay);
        }

        /** Commits on its own whatever transaction the caller runs in. */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void placeInItsOwnTransaction(String order) {
            notifier.notifyShipping(order);
        }

        @AirlockTask
        void ship(String order) {
            shipped.add(order);
        }
    }
}
