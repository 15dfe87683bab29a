package io.quarkiverse.airlock.it.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.airlock.it.isolation.DispatchLogTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RestResponseTest extends DispatchLogTest {

    /** A success status flushes the endpoint's scope, an error status discards it. */
    @ParameterizedTest(name = "{0} flushes: {1}")
    @CsvSource({ "201, true", "400, false", "503, false" })
    void theStatusDecides(int status, boolean flushes) {
        given().post("/rest-response/" + status).then().statusCode(status);
        assertThat(log.of("rest-response-" + status)).isEqualTo(flushes ? List.of(0) : List.of());
    }
}
