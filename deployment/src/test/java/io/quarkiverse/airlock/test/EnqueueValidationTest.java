package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With an in-process executor, a wrong task name or argument fails at the enqueue call, and nothing is buffered.
 */
public class EnqueueValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class));

    @Inject
    Handlers handlers;

    @BeforeEach
    void clear() {
        handlers.calls.clear();
    }

    @Test
    void unknownNameSuggestsTheClosestTask() {
        Scope scope = Airlock.scope(s -> assertThatThrownBy(() -> Airlock.enqueue("notifyWarehous", 1L))
                .isInstanceOf(UsageException.class)
                .hasMessageContainingAll("'notifyWarehous'", "Did you mean 'notifyWarehouse'?"));
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void wrongArgumentCountNamesTaskAndHandler() {
        Scope scope = Airlock.scope(s -> assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", 1L, "extra"))
                .isInstanceOf(UsageException.class)
                .hasMessageContainingAll("'notifyWarehouse'", "takes 1 argument", "EnqueueValidationTest$Handlers#notifyWarehouse(long)"));
        assertThat(scope.intents()).isEmpty();
    }

    @Test
    void wrongArgumentTypeFails() {
        Airlock.scope(s -> {
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", "42"))
                    .isInstanceOf(UsageException.class).hasMessageContainingAll("'notifyWarehouse'", "long");
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", 42))
                    .as("an Integer is not a long").isInstanceOf(UsageException.class);
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", (Object) null))
                    .as("null cannot be a primitive").isInstanceOf(UsageException.class);
            assertThat(s.intents()).isEmpty();
        });
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void fittingArgumentsPass() {
        Airlock.scope(s -> {
            Airlock.enqueue("notifyWarehouse", Long.valueOf(7));
            Airlock.enqueue("greet", (Object) null);
            Airlock.enqueue("greet", "ada");
        });
        assertThat(handlers.calls).containsExactly("warehouse 7", "greet null", "greet ada");
    }

    @Singleton
    public static class Handlers {

        final List<String> calls = new CopyOnWriteArrayList<>();

        @AirlockTask
        void notifyWarehouse(long orderId) {
            calls.add("warehouse " + orderId);
        }

        @AirlockTask
        void greet(String name) {
            calls.add("greet " + name);
        }
    }
}
