package io.quarkiverse.airlock.it.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AssertNoEffects;
import io.quarkiverse.airlock.PolicyViolationException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * AssertNoEffects proves a piece of code is free of side effects, and names the one it finds otherwise.
 */
@QuarkusTest
class PureCodeTest {

    @Inject
    OrderService orders;

    @Test
    void describingAnOrderHasNoSideEffects() {
        long id = orders.create("dee").id;

        String description = Airlock.scoped(new AssertNoEffects(), () -> orders.describe(id));

        assertThat(description).isEqualTo("order " + id + " for dee is NEW");
    }

    @Test
    void processingAnOrderIsCaught() {
        long id = orders.create("eve").id;

        assertThatThrownBy(() -> Airlock.scope(new AssertNoEffects(), scope -> orders.process(id)))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessageContaining("notifyWarehouse");
        assertThat(orders.find(id).status).isEqualTo(Order.Status.NEW);
    }
}
