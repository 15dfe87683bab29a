package io.quarkiverse.airlock.it.tx;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.ToIntBiFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkiverse.airlock.it.shop.Order;
import io.quarkiverse.airlock.it.shop.OrderService;
import io.quarkiverse.airlock.it.shop.SideEffectResource.Observed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;

/**
 * Side effects of a scope that flushes inside a JTA transaction escape only after the commit, and never after a
 * rollback.
 */
@QuarkusTest
class TransactionTest {

    @Inject
    OrderService orders;

    @Inject
    TransactionScenarios scenarios;

    @BeforeEach
    void clear() {
        orders.clear();
    }

    @Test
    void checkoutDispatchesAfterCommitAndHandlersSeeCommittedData() {
        long id = orders.create("ada").id;

        given().post("/orders/{id}/checkout", id).then().statusCode(200);

        assertThat(observed()).containsExactly(new Observed("notifyWarehouse", id, "PROCESSED"),
                new Observed("sendConfirmationEmail", id, "PROCESSED"));
    }

    @Test
    void oneFailingAfterCommitDispatchDoesNotStopTheOthers() {
        long id = orders.create("bob").id;

        given().queryParam("alsoNotifyPartner", true).post("/orders/{id}/checkout", id).then().statusCode(200);

        assertThat(observed()).extracting(Observed::task).containsExactly("notifyWarehouse", "sendConfirmationEmail");
    }

    @ParameterizedTest
    @EnumSource
    void intentsEscapeOnlyOnceTheScopeAndTheTransactionBothEnded(Nesting nesting) {
        long id = orders.create("cy").id;

        int seenWhenTheInnerOneEnded = nesting.scenario.applyAsInt(scenarios, id);

        assertThat(seenWhenTheInnerOneEnded).isZero();
        assertThat(observed()).extracting(Observed::observedStatus).containsExactly("PROCESSED", "PROCESSED");
    }

    @Test
    void rollbackOnlyTransactionDropsTheIntents() throws Exception {
        long id = orders.create("eve").id;

        // Quarkus rolls a rollback-only transaction back without an exception, so the scope flushes normally
        scenarios.rollbackOnlyWithoutException(id);

        assertThat(observed()).isEmpty();
        assertThat(orders.find(id).status).isEqualTo(Order.Status.NEW);
    }

    @Test
    void innerRequiresNewCommitsWhileOuterRollsBack() {
        long committed = orders.create("hal").id;
        long rolledBack = orders.create("ivy").id;

        assertThatThrownBy(() -> scenarios.innerCommitsOuterRollsBack(committed, rolledBack))
                .isInstanceOf(IllegalStateException.class);

        assertThat(observed()).extracting(Observed::orderId).containsExactly(committed, committed);
        assertThat(orders.find(committed).status).isEqualTo(Order.Status.PROCESSED);
        assertThat(orders.find(rolledBack).status).isEqualTo(Order.Status.NEW);
    }

    @Test
    void scopesOfOneTransactionDispatchInFlushOrderAfterAnInnerOneCommitted() {
        long first = orders.create("jo").id;
        long inTheMiddle = orders.create("kai").id;
        long last = orders.create("lu").id;

        scenarios.twoScopesAroundAnInnerTransaction(first, inTheMiddle, last);

        assertThat(observed()).extracting(Observed::orderId)
                .containsExactly(inTheMiddle, inTheMiddle, first, first, last, last);
        assertThat(observed()).extracting(Observed::observedStatus).containsOnly("PROCESSED");
    }

    /**
     * The ways a scope and a transaction (declared, or begun in code) nest, each run as a scenario that returns the side
     * effects run when the inner of the two ended.
     */
    enum Nesting {
        SCOPE_AROUND_TRANSACTION(TransactionScenarios::scopeAroundTransaction),
        SCOPE_INSIDE_TRANSACTION(TransactionScenarios::scopeInsideTransaction),
        REQUIRING_NEW_INSIDE_SCOPE(TransactionScenarios::requiringNewInsideScope),
        SCOPE_INSIDE_REQUIRING_NEW(TransactionScenarios::scopeInsideRequiringNew);

        final ToIntBiFunction<TransactionScenarios, Long> scenario;

        Nesting(ToIntBiFunction<TransactionScenarios, Long> scenario) {
            this.scenario = scenario;
        }
    }

    static List<Observed> observed() {
        return given().get("/side-effects/observed").then().statusCode(200).extract().as(new TypeRef<>() {
        });
    }
}
