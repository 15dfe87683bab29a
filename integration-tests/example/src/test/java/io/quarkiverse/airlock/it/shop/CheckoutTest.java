package io.quarkiverse.airlock.it.shop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The checkout endpoint is a unit of work: its side effects escape only when it succeeds.
 */
@QuarkusTest
class CheckoutTest extends ShopTest {

    @Test
    void successfulCheckoutNotifiesWarehouseAndCustomerOnce() {
        long id = createOrder("ada");

        given().post("/orders/{id}/checkout", id).then().statusCode(200);

        assertThat(sideEffects()).containsExactly(
                new SideEffectResource.Effect("notifyWarehouse", id),
                new SideEffectResource.Effect("sendConfirmationEmail", id));
        assertThat(status(id)).isEqualTo("PROCESSED");
    }

    @Test
    void failingCheckoutLetsNothingEscapeAndRollsBack() {
        long id = createOrder("bob");

        given().queryParam("failAfterProcessing", true).post("/orders/{id}/checkout", id).then().statusCode(500);

        assertThat(sideEffects()).isEmpty();
        assertThat(status(id)).isEqualTo("NEW");
    }

    @Test
    void notFoundLetsNothingEscape() {
        given().post("/orders/{id}/checkout", 999_999).then().statusCode(404);

        assertThat(sideEffects()).isEmpty();
    }
}
