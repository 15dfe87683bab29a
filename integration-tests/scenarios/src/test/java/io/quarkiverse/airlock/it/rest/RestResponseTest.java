package io.quarkiverse.airlock.it.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.it.isolation.DispatchLog;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RestResponseTest {

    @Inject
    DispatchLog log;

    @Test
    void successStatusFlushes() {
        given().post("/rest-response/201").then().statusCode(201);
        assertThat(log.of("rest-response-201")).containsExactly(0);
    }

    @Test
    void errorStatusDiscards() {
        given().post("/rest-response/400").then().statusCode(400);
        given().post("/rest-response/503").then().statusCode(503);
        assertThat(log.of("rest-response-400")).isEmpty();
        assertThat(log.of("rest-response-503")).isEmpty();
    }
}
