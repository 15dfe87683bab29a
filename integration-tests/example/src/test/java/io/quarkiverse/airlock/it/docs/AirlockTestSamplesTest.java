package io.quarkiverse.airlock.it.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AssertNoEffects;
import io.quarkiverse.airlock.PolicyViolationException;
import io.quarkiverse.airlock.it.shop.OrderService;
import io.quarkiverse.airlock.junit.AirlockTest;
import io.quarkiverse.airlock.junit.CapturedIntents;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The @AirlockTest samples of testing.adoc.
 */
// tag::class[]
@QuarkusTest
@AirlockTest // every test method runs in its own DropAll scope
class AirlockTestSamplesTest {

    @Inject
    OrderService orders;

    @Inject
    CheckoutService checkout;

    long id;

    @BeforeEach
    void newOrder() {
        orders.clear();
        id = orders.create("ada").id;
    }

    @Test
    void processingTellsTheWarehouseThenTheCustomer(CapturedIntents captured) {
        orders.process(id);

        assertThat(captured).hasTaskNames("notifyWarehouse", "sendConfirmationEmail");
        assertThat(captured).intent(0).hasArgs(id);
        assertThat(orders.sideEffects()).isEmpty(); // DropAll: nothing ran
    }
    // end::class[]

    // tag::nested[]
    @Test
    void annotatedScopesAreCapturedByTheTestScope(CapturedIntents captured) {
        checkout.checkout(id); // an @AirlockScope method: its scope nests in the test's

        assertThat(captured).hasIntents("notifyWarehouse(" + id + ")", "sendConfirmationEmail(" + id + ")")
                .dispatchedNothing();
    }
    // end::nested[]

    // tag::pure[]
    @Test
    @AirlockTest(policy = AssertNoEffects.class) // the method's policy wins over the class's
    void describingAnOrderIsPure() {
        assertThat(orders.describe(id)).isEqualTo("order " + id + " for ada is NEW");

        assertThatThrownBy(() -> orders.process(id)).isInstanceOf(PolicyViolationException.class);
    }
    // end::pure[]

    // tag::flush[]
    @Test
    void flushingRunsTheHandlersNow(CapturedIntents captured) {
        Airlock.enqueue("notifyWarehouse", id);

        captured.flush(); // DropAll lets nothing out...
        assertThat(captured).dropped().hasTaskNames("notifyWarehouse"); // ...and says so
        assertThat(orders.sideEffects()).isEmpty();
    }
    // end::flush[]

    // tag::http[]
    @Test
    void checkoutOverHttpDispatchesOnTheServer(CapturedIntents captured) {
        given().post("/orders/{id}/checkout", id).then().statusCode(200);

        assertThat(captured).hasNoIntents(); // the request had its own scope, on a server thread
        assertThat(captured).dispatched().hasTaskNames("notifyWarehouse", "sendConfirmationEmail")
                .intent(0).hasArgs(id).hasOrigin("OrderResource#checkout");
    }

    @Test
    void failedCheckoutOverHttpDispatchesNothing(CapturedIntents captured) {
        given().queryParam("failAfterProcessing", true).post("/orders/{id}/checkout", id).then().statusCode(500);

        assertThat(captured).dispatchedNothing()
                .discarded().hasTaskNames("notifyWarehouse", "sendConfirmationEmail");
    }
    // end::http[]
    // tag::class[]
}
// end::class[]
