package io.quarkiverse.airlock.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AssertNoEffects;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.PolicyViolationException;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.it.shop.OrderService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The samples of testing.adoc.
 */
// tag::test-class[]
@QuarkusTest
class TestingSamplesTest {

    @Inject
    OrderService orders;

    @Inject
    CheckoutService checkout;

    // tag::drop-all[]
    @Test
    void processingTellsTheWarehouseAndTheCustomer() {
        long id = orders.create("ada").id;

        Scope scope = Airlock.scope(new DropAll(), s -> orders.process(id));

        assertThat(scope.intents()).extracting(Intent::toString)
                .containsExactly("notifyWarehouse(" + id + ")", "sendConfirmationEmail(" + id + ")");
        assertThat(orders.sideEffects()).isEmpty(); // nothing really happened
    }
    // end::drop-all[]
    // end::test-class[]

    @BeforeEach
    void clear() {
        orders.clear();
    }

    // tag::assert-no-effects[]
    @Test
    void describingAnOrderHasNoSideEffects() {
        long id = orders.create("ada").id;

        String text = Airlock.scoped(new AssertNoEffects(), () -> orders.describe(id));

        assertThat(text).isEqualTo("order " + id + " for ada is NEW");
    }

    @Test
    void processingIsNotPure() {
        long id = orders.create("ada").id;

        assertThatThrownBy(() -> Airlock.scoped(new AssertNoEffects(), () -> orders.process(id)))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessageContaining("'notifyWarehouse'"); // the first side effect, by name
    }
    // end::assert-no-effects[]

    // tag::capture-annotated[]
    @Test
    void checkoutServiceIsCapturedByTheTestScope() {
        long id = orders.create("ada").id;

        // checkout() is an @AirlockScope method: its scope nests in the test's and is captured by it
        Scope scope = Airlock.scope(new DropAll(), s -> checkout.checkout(id));

        assertThat(scope.capturedIntents()).extracting(Intent::name)
                .containsExactly("notifyWarehouse", "sendConfirmationEmail");
        assertThat(orders.sideEffects()).isEmpty();
    }
    // end::capture-annotated[]

    @Test
    void inspectingAnIntent() {
        // tag::inspect[]
        Scope scope = Airlock.scope(new DropAll(), s -> Airlock.intent("audit.record")
                .args("exported", 42L)
                .option("queue", "audit")
                .origin("nightly export")
                .enqueue());

        Intent intent = scope.intents().get(0);
        assertThat(intent.name()).isEqualTo("audit.record");
        assertThat(intent.args()).containsExactly("exported", 42L);
        assertThat(intent.options()).containsEntry("queue", "audit");
        assertThat(intent.origin()).contains("nightly export");
        assertThat(intent.action()).isEmpty(); // present for Airlock.enqueue(name, runnable)
        assertThat(intent.localPolicies()).isEmpty(); // the Airlock.policy(...) blocks it was enqueued in
        assertThat(intent).hasToString("audit.record(\"exported\", 42)");
        // end::inspect[]
    }

    @Test
    void intentsSurviveTheFlush() {
        long id = orders.create("ada").id;

        Scope scope = Airlock.scope(s -> orders.process(id));

        assertThat(scope.isFlushed()).isTrue();
        assertThat(scope.intents()).hasSize(2);
        assertThat(orders.sideEffects()).hasSize(2);
    }

    // tag::no-leak[]
    @AfterEach
    void noScopeLeftOpen() {
        assertThat(Airlock.openScopes()).isZero(); // every scope entered was exited, in every thread
    }
    // end::no-leak[]
    // tag::test-class[]
}
// end::test-class[]
