package io.quarkiverse.airlock.it.autoscope;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.it.isolation.DispatchLogTest;
import io.quarkiverse.airlock.it.isolation.UnitOfWork;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code quarkus.airlock.http.auto-scope=true} every request is a scope: a success flushes, an error status or a
 * failure discards, whatever runs the endpoint.
 */
@QuarkusTest
@TestProfile(AutoScopeOn.class)
class AutoScopeTest extends DispatchLogTest {

    @Test
    void eventLoopEndpointWithDelays() {
        given().get("/auto/reactive/1").then().statusCode(200);
        assertThat(log.of("auto-reactive-1")).isEqualTo(UnitOfWork.RECORDS);
    }

    @Test
    void workerEndpointWithNestedAnnotatedScope() {
        given().get("/auto/blocking/2").then().statusCode(200);
        assertThat(log.of("auto-blocking-2")).isEqualTo(UnitOfWork.RECORDS);
    }

    @Test
    void virtualThreadEndpoint() {
        if (Runtime.version().feature() < 21) {
            System.err.println("#### SKIPPED: virtual threads need JDK 21; this JVM is " + Runtime.version() + " ####");
            return;
        }
        given().get("/isolation/virtual/3").then().statusCode(200);
        assertThat(log.of("virtual-3")).isEqualTo(UnitOfWork.RECORDS);
    }

    @Test
    void vertxRoute() {
        given().get("/auto/route/4").then().statusCode(200);
        assertThat(log.of("auto-route-4")).containsExactly(0);
    }

    @Test
    void errorStatusesDiscard() {
        given().get("/auto/not-found/5").then().statusCode(404);
        given().get("/auto/throws/6").then().statusCode(404);
        given().queryParam("fail", "true").get("/auto/route/7").then().statusCode(503);
        assertThat(log.all()).isEmpty();
    }

    @Test
    void quarkusOwnEndpointsGetNoScope() {
        given().get("/auto/probe").then().statusCode(200).body(is("1"));
        given().get("/q/airlock-probe").then().statusCode(200).body(is("0"));
    }

    @Test
    void aReroutedRequestKeepsItsOneScope() {
        given().get("/auto/reroute").then().statusCode(200).body(is("1"));
        assertThat(Airlock.openScopes()).isZero();
    }

    @Test
    void nothingStaysOpen() {
        given().get("/auto/blocking/8").then().statusCode(200);
        given().get("/auto/not-found/9").then().statusCode(404);
        assertThat(Airlock.openScopes()).isZero();
    }
}
