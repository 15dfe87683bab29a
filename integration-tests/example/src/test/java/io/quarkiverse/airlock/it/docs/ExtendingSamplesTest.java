package io.quarkiverse.airlock.it.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.it.shop.OrderService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A listener bean of the application is told about discarded intents, from whichever thread discards them.
 */
@QuarkusTest
class ExtendingSamplesTest {

    @Inject
    DiscardedIntents discarded;

    @Inject
    OrderService orders;

    @Test
    void aFailedRequestReportsItsDiscardedIntents() {
        long id = orders.create("ada").id;
        long before = discarded.discarded("sendConfirmationEmail");

        given().queryParam("failAfterProcessing", true).post("/orders/{id}/checkout", id).then().statusCode(500);

        await().untilAsserted(() -> assertThat(discarded.discarded("sendConfirmationEmail")).isEqualTo(before + 1));
    }

    @Test
    void aSuccessfulRequestDiscardsNothing() {
        long id = orders.create("bob").id;
        long before = discarded.discarded("sendConfirmationEmail");

        given().post("/orders/{id}/checkout", id).then().statusCode(200);

        assertThat(discarded.discarded("sendConfirmationEmail")).isEqualTo(before);
    }
}
