package io.quarkiverse.airlock.it.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The getting-started sample: the task runs after a successful request only.
 */
@QuarkusTest
class WelcomeTest {

    @Inject
    WelcomeMails mails;

    // tag::test[]
    @Test
    void aSuccessfulSignUpSendsTheMailAFailedOneDoesNot() {
        given().post("/docs/welcome/{name}", "ada").then().statusCode(200);
        given().queryParam("fail", true).post("/docs/welcome/{name}", "bob").then().statusCode(500);

        assertThat(mails.sent()).containsExactly("ada");
    }
    // end::test[]
}
