package io.quarkiverse.airlock.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.it.shop.Order;

/**
 * The core without Quarkus: a plain JUnit test of domain code.
 */
// tag::plain[]
class PlainJavaTest { // no @QuarkusTest: no application starts

    @Test
    void processExpressesTwoSideEffects() {
        Order order = new Order();
        order.id = 42L;

        List<Intent> dispatched = new ArrayList<>();
        Scope scope = Airlock.scope(new Scope(new DropAll(), dispatched::add), s -> order.process());

        assertThat(scope.intents()).extracting(Intent::toString)
                .containsExactly("notifyWarehouse(42)", "sendConfirmationEmail(42)");
        assertThat(dispatched).isEmpty();
    }
}
// end::plain[]
