package io.quarkiverse.airlock.it.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.junit.AirlockTest;
import io.quarkiverse.airlock.junit.CapturedIntents;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reactive endpoints keep their scope open until the stream or the stage ends.
 */
@QuarkusTest
@AirlockTest
class ReactiveSamplesTest {

    @Test
    void aCompletedStreamFlushesWhatEveryItemEnqueued(CapturedIntents captured) {
        given().get("/docs/reactive/{id}/steps", 7).then().statusCode(200);

        await().untilAsserted(() -> assertThat(captured).dispatched().hasIntents("audit.record(\"packed\", 7)",
                "audit.record(\"labelled\", 7)", "audit.record(\"shipped\", 7)"));
    }

    @Test
    void aFailedStreamDiscardsEverything(CapturedIntents captured) {
        try {
            given().queryParam("failAt", "shipped").get("/docs/reactive/{id}/steps", 8);
        } catch (Exception cutShort) {
            // the response was already streaming: the client sees it end early, or a 500
        }

        await().untilAsserted(() -> assertThat(captured).discarded().hasTaskNames("audit.record", "audit.record"));
        assertThat(captured).dispatchedNothing();
    }

    @Test
    void aCompletionStageFlushesWhenItCompletes(CapturedIntents captured) {
        given().post("/docs/reactive/{id}/archive", 9).then().statusCode(200);

        await().untilAsserted(() -> assertThat(captured).dispatched().hasIntents("audit.record(\"archived\", 9)"));
    }

    @Test
    void aFailedCompletionStageDiscards(CapturedIntents captured) {
        given().queryParam("fail", true).post("/docs/reactive/{id}/archive", 10).then().statusCode(500);

        await().untilAsserted(() -> assertThat(captured).discarded().hasIntents("audit.record(\"archived\", 10)"));
        assertThat(captured).dispatchedNothing();
    }
}
