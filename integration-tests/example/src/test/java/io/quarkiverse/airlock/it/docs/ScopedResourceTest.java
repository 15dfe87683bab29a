package io.quarkiverse.airlock.it.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What scopes.adoc claims about {@code @AirlockScope}.
 */
@QuarkusTest
class ScopedResourceTest extends ShopAuditedTest {

    @Inject
    CheckoutService checkout;

    @Inject
    NightlyBackfill nightly;

    @Test
    void successfulRequestFlushes() {
        long first = orders.create("ada").id;
        long second = orders.create("bob").id;

        given().queryParam("id", first, second).post("/docs/orders/process").then().statusCode(200);

        assertThat(sideEffects()).containsExactly("notifyWarehouse(" + first + ")",
                "sendConfirmationEmail(" + first + ")", "notifyWarehouse(" + second + ")",
                "sendConfirmationEmail(" + second + ")");
    }

    @Test
    void returnedErrorStatusDiscards() {
        long first = orders.create("ada").id;

        given().queryParam("id", first, 999_999).post("/docs/orders/process").then().statusCode(404);

        assertThat(sideEffects()).isEmpty();
        assertThat(orders.find(first).status.name()).isEqualTo("PROCESSED"); // the data change stays
    }

    @Test
    void uniKeepsTheScopeOpenUntilCompletion() {
        given().post("/docs/orders/{id}/export", 5).then().statusCode(200);

        assertThat(audit.names()).containsExactly("audit.record[exported, 5]");
    }

    @Test
    void failedUniDiscards() {
        given().post("/docs/orders/{id}/export-failing", 5).then().statusCode(500);

        assertThat(audit.calls).isEmpty();
    }

    @Test
    void transactionalMethodDispatchesAfterTheCommit() {
        long id = orders.create("ada").id;

        given().post("/docs/orders/{id}/process-in-transaction", id).then().statusCode(200);

        assertThat(audit.calls).singleElement().satisfies(call -> assertThat(call.inTransaction()).isFalse());
        assertThat(orders.sideEffects()).extracting(effect -> effect.observedStatus).containsOnly("PROCESSED");
    }

    @Test
    void rollbackOnlyTransactionDropsTheIntents() {
        long id = orders.create("ada").id;

        given().post("/docs/orders/{id}/process-rollback-only", id).then().statusCode(200);

        assertThat(audit.calls).isEmpty();
        assertThat(sideEffects()).isEmpty();
        assertThat(orders.find(id).status.name()).isEqualTo("NEW");
    }

    @Test
    void policyBeanChosenByTheAnnotation() {
        long id = orders.create("ada").id;

        given().post("/docs/orders/{id}/checkout", id).then().statusCode(200);

        assertThat(sideEffects()).containsExactly("notifyWarehouse(" + id + ")", "sendConfirmationEmail(" + id + ")");
    }

    @Test
    void serviceMethodIsAScope() {
        long id = orders.create("ada").id;

        checkout.checkout(id);

        assertThat(sideEffects()).containsExactly("notifyWarehouse(" + id + ")", "sendConfirmationEmail(" + id + ")");
    }

    @Test
    void classLevelAnnotationWithPolicy() {
        long id = orders.create("ada").id;

        assertThat(nightly.run()).isEqualTo(1);

        assertThat(sideEffects()).containsExactly("notifyWarehouse(" + id + ")");
    }

    @Test
    void annotatedMethodCalledInsideAScopeIsNested() {
        long id = orders.create("ada").id;

        Scope outer = Airlock.scope(new DropAll(), scope -> checkout.checkout(id));

        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("notifyWarehouse",
                "sendConfirmationEmail");
        assertThat(sideEffects()).isEmpty();
    }
}
