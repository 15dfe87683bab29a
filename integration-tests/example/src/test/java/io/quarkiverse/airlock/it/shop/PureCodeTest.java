package io.quarkiverse.airlock.it.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.AssertNoEffects;
import io.quarkiverse.airlock.PolicyViolationException;
import io.quarkiverse.airlock.junit.AirlockTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * AssertNoEffects proves a piece of code is free of side effects, and names the one it finds otherwise.
 */
@QuarkusTest
@AirlockTest(policy = AssertNoEffects.class)
class PureCodeTest {

    @Inject
    OrderService orders;

    @Test
    void describingAnOrderHasNoSideEffects() {
        long id = orders.create("dee").id;

        assertThat(orders.describe(id)).isEqualTo("order " + id + " for dee is NEW");
    }

    @Test
    void processingAnOrderIsCaught() {
        long id = orders.create("eve").id;

        assertThatThrownBy(() -> orders.process(id))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessageContaining("notifyWarehouse");
        assertThat(orders.find(id).status).isEqualTo(Order.Status.NEW);
    }
}
