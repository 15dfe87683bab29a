package io.quarkiverse.airlock.it.autoscope;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Without auto-scope, code outside any scope cannot enqueue, and says how to open one.
 */
@QuarkusTest
class NoAutoScopeTest {

    @Test
    void enqueueOutsideAnyScopeFailsTheRequest() {
        given().get("/auto/route/1").then().statusCode(500);
        given().get("/auto/blocking/1").then().statusCode(500);
    }

    @Test
    void messageNamesTheTaskAndTheWayOut() {
        io.quarkiverse.airlock.NoScopeException failure = org.junit.jupiter.api.Assertions.assertThrows(
                io.quarkiverse.airlock.NoScopeException.class,
                () -> io.quarkiverse.airlock.Airlock.enqueue("record", "x", 0));
        org.hamcrest.MatcherAssert.assertThat(failure.getMessage(), containsString("'record'"));
        org.hamcrest.MatcherAssert.assertThat(failure.getMessage(), containsString("@AirlockScope"));
    }
}
