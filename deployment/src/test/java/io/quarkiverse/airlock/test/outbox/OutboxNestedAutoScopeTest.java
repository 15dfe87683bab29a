package io.quarkiverse.airlock.test.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The common case of a nested flush: an {@code @AirlockScope} service called from a {@code @Transactional} one, in
 * the HTTP auto-scope. The outbox row is written in the business transaction and the request's outcome decides
 * whether it is delivered.
 */
public class OutboxNestedAutoScopeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2("outbox-nested-auto-scope", Orders.class, Shop.class, Notifier.class)
            .overrideConfigKey("quarkus.airlock.http.auto-scope", "true")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms")
            // long enough that no row here is delivered for want of a decision
            .overrideConfigKey("quarkus.airlock.outbox.hold-timeout", "1m");

    @Inject
    Shop shop;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSuccessfulRequestDeliversTheRowItsTransactionWrote() throws Exception {
        given().post("/orders/answered").then().statusCode(200);

        assertThat(shop.inTransaction.get("answered")).as("written in the business transaction").isEqualTo(1);
        assertThat(shop.outsideBeforeCommit.get("answered")).as("not committed before the business transaction")
                .isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.shipped.contains("answered"));
        deliveredAfterAMarker();
        assertThat(shop.shipped).containsOnlyOnce("answered");
    }

    @Test
    void aRequestThatFailsAfterTheCommitWithdrawsTheRow() throws Exception {
        given().post("/orders/thrown/then-throw").then().statusCode(500);

        assertThat(shop.inTransaction.get("thrown")).as("written in the business transaction").isEqualTo(1);
        assertThat(rows("thrown")).isZero();
        deliveredAfterAMarker();
        assertThat(shop.shipped).doesNotContain("thrown");
    }

    @Test
    void aRequestThatAnswers500AfterTheCommitWithdrawsTheRow() throws Exception {
        given().post("/orders/answered-500/then-answer-500").then().statusCode(500);

        assertThat(shop.inTransaction.get("answered-500")).as("written in the business transaction").isEqualTo(1);
        assertThat(rows("answered-500")).isZero();
        deliveredAfterAMarker();
        assertThat(shop.shipped).doesNotContain("answered-500");
    }

    /** Every row before this one's has been claimed: the relay delivers in due order. */
    private void deliveredAfterAMarker() {
        String marker = "marker-" + System.nanoTime();
        given().post("/orders/" + marker).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.shipped.contains(marker));
    }

    private long rows(String order) throws Exception {
        return OutboxTestApps.count(dataSource, "SELECT COUNT(*) FROM airlock_outbox WHERE args LIKE ?", order);
    }

    @Path("/orders")
    public static class Orders {

        @Inject
        Shop shop;

        @POST
        @Path("/{order}")
        public String place(@PathParam("order") String order) {
            shop.place(order);
            return "placed";
        }

        @POST
        @Path("/{order}/then-throw")
        public String placeThenThrow(@PathParam("order") String order) {
            shop.place(order);
            throw new IllegalStateException("the payment failed after " + order + " was stored");
        }

        @POST
        @Path("/{order}/then-answer-500")
        public Response placeThenAnswer500(@PathParam("order") String order) {
            shop.place(order);
            return Response.serverError().entity("the payment failed").build();
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
        final Map<String, Long> inTransaction = new ConcurrentHashMap<>();
        final Map<String, Long> outsideBeforeCommit = new ConcurrentHashMap<>();

        @Inject
        Notifier notifier;

        @Inject
        TransactionManager transactions;

        @Inject
        AgroalDataSource dataSource;

        @Transactional
        public void place(String order) {
            notifier.notifyShipping(order);
            try {
                inTransaction.put(order, OutboxTestApps.count(dataSource,
                        "SELECT COUNT(*) FROM airlock_outbox WHERE status = 'HELD' AND args LIKE ?", order));
                Transaction business = transactions.suspend();
                try {
                    outsideBeforeCommit.put(order, OutboxTestApps.count(dataSource,
                            "SELECT COUNT(*) FROM airlock_outbox WHERE args LIKE ?", order));
                } finally {
                    transactions.resume(business);
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
