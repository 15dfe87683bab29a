package io.quarkiverse.airlock.it.shop;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import io.restassured.common.mapper.TypeRef;

/**
 * A test of the shop over HTTP, in the application or against its packaged jar: each test starts with no side effect
 * recorded, and creates its orders and reads what escaped through the endpoints.
 */
abstract class ShopTest {

    @BeforeEach
    void forgetSideEffects() {
        given().delete("/side-effects").then().statusCode(204);
    }

    static long createOrder(String customer) {
        return given().queryParam("customer", customer).post("/orders").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    static String status(long id) {
        return given().get("/orders/{id}", id).then().statusCode(200).extract().jsonPath().getString("status");
    }

    static List<SideEffectResource.Effect> sideEffects() {
        return given().get("/side-effects").then().statusCode(200).extract().as(new TypeRef<>() {
        });
    }
}
