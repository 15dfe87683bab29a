package io.quarkiverse.airlock.it.reentrancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.NoScopeException;
import io.quarkiverse.airlock.it.isolation.DispatchLogTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A task handler runs outside the scope that dispatched it.
 */
@QuarkusTest
class ReentrancyTest extends DispatchLogTest {

    @Test
    void handlerWithoutScopeCannotEnqueue() {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("followUpWithoutScope", "r-none")))
                .isInstanceOf(NoScopeException.class)
                .hasMessageContaining("'record'");
        assertThat(log.of("r-none")).isEmpty();
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void handlerWithItsOwnScopeDispatchesItsIntents() {
        Airlock.scope(scope -> {
            Airlock.enqueue("followUpInOwnScope", "r-own");
            assertThat(log.of("r-own")).isEmpty();
        });
        assertThat(log.of("r-own")).containsExactly(1);
    }

    @Test
    void blockTasksStopsATaskFromReenqueueingItself() {
        Airlock.scope(scope -> Airlock.enqueue("renew", "r-renew", 0));
        assertThat(log.of("r-renew")).containsExactly(0);
    }
}
