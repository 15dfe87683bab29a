package io.quarkiverse.airlock.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.it.shop.Order;
import io.quarkiverse.airlock.it.shop.OrderService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tl;dr of the guide: business code expresses side effects, the caller decides whether they escape.
 */
@QuarkusTest
class QuickStartTest {

    @Inject
    OrderService orders;

    @BeforeEach
    void clear() {
        orders.clear();
    }

    // tag::tldr-business[]
    void complete(Order order) { // business code: says what should happen...
        order.status = Order.Status.PROCESSED;
        Airlock.enqueue("notifyWarehouse", order.id);
        Airlock.enqueue("sendConfirmationEmail", order.id);
    }
    // end::tldr-business[]

    @Test
    void theCallerDecidesWhatEscapes() {
        Order order = orders.create("ada");

        // tag::tldr-callers[]
        Airlock.scope(scope -> complete(order)); // ...the caller decides: both tasks run at the end
        Airlock.scope(new DropAll(), scope -> complete(order)); // a migration: nothing runs
        Airlock.scope(new BlockTasks("sendConfirmationEmail"), scope -> complete(order)); // no email
        // end::tldr-callers[]

        assertThat(orders.sideEffects()).extracting(effect -> effect.task).containsExactly(
                "notifyWarehouse", "sendConfirmationEmail", // the plain scope
                "notifyWarehouse"); // BlockTasks; DropAll let nothing out
    }
}
