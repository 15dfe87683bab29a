package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With an in-process executor, a wrong task name or argument fails at the enqueue call with a UsageException naming
 * the task (and the handler), nothing is buffered, and the handler never runs.
 */
public class EnqueueValidationTest extends RecordingTest {

    static final String NOTIFY = "io.quarkiverse.airlock.test.EnqueueValidationTest$Handlers#notifyWarehouse(long)";
    static final String SHIP = "io.quarkiverse.airlock.test.EnqueueValidationTest$Handlers#ship(long, java.lang.String)";

    @RegisterExtension
    static final QuarkusUnitTest config = application(Handlers.class, Orders.class);

    @Inject
    Orders orders;

    @Test
    void unknownNameSuggestsTheClosestTask() {
        Scope scope = Airlock.scope(s -> assertThatThrownBy(() -> Airlock.enqueue("notifyWarehous", 1L))
                .isInstanceOf(UsageException.class)
                .hasMessageContainingAll("'notifyWarehous'", "Did you mean 'notifyWarehouse'?"));
        assertThat(scope.isFlushed()).as("the body completed normally, so the scope flushed").isTrue();
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void aRenamedTaskCalledByItsMethodNameNamesTheTaskThatMethodHandles() {
        Scope scope = Airlock.scope(s -> assertThatThrownBy(() -> Airlock.enqueue("sendInvoice", 1L))
                .isInstanceOf(UsageException.class)
                .hasMessageContainingAll("Unknown task 'sendInvoice'", "Handlers#sendInvoice(long)",
                        "handles task 'invoiceCustomer'", "enqueue it by that name"));
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void unknownNameFailsInsideAnAirlockScopeMethodAndNothingEscapes() {
        UsageException failure = orders.enqueueTypoAndCarryOn();
        assertThat(failure).isNotNull()
                .hasMessageContainingAll("'notifyWarehous'", "Did you mean 'notifyWarehouse'?");
        assertThat(orders.seenInScope).as("the annotated method's scope held nothing after the failed enqueue").isEmpty();
        assertThat(handlers.calls).as("the scope flushed, and nothing was in it").isEmpty();
    }

    @Test
    void builderEnqueueIsValidatedToo() {
        Scope scope = Airlock.scope(s -> assertThatThrownBy(() -> Airlock.intent("notifyWarehous").args(1L).enqueue())
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Did you mean 'notifyWarehouse'?"));
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void tooManyArgumentsNameTaskAndHandler() {
        Scope scope = Airlock.scope(s -> assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", 1L, "extra"))
                .isInstanceOf(UsageException.class)
                .hasMessageContainingAll("'notifyWarehouse'", "takes 1 argument", "enqueued with 2", NOTIFY));
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void tooFewArgumentsNameTaskAndHandler() {
        Scope scope = Airlock.scope(s -> {
            assertThatThrownBy(() -> Airlock.enqueue("ship", 1L))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContainingAll("'ship'", "takes 2 argument", "enqueued with 1", SHIP);
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse"))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContainingAll("'notifyWarehouse'", "enqueued with 0", NOTIFY);
        });
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void wrongArgumentTypeNamesTaskParameterAndHandler() {
        Scope scope = Airlock.scope(s -> {
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", "42"))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContainingAll("'notifyWarehouse'", "argument 0", "java.lang.String", "long", NOTIFY);
            assertThatThrownBy(() -> Airlock.enqueue("ship", 1L, 99))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContainingAll("'ship'", "argument 1", "java.lang.Integer", "java.lang.String", SHIP);
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", 42))
                    .as("an Integer is not a long").isInstanceOf(UsageException.class);
        });
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void nullCannotBePassedToAPrimitive() {
        Scope scope = Airlock.scope(s -> assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", (Object) null))
                .isInstanceOf(UsageException.class)
                .hasMessageContainingAll("'notifyWarehouse'", "null", "long", NOTIFY));
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void fittingArgumentsPass() {
        Scope scope = Airlock.scope(s -> {
            Airlock.enqueue("notifyWarehouse", Long.valueOf(7));
            Airlock.enqueue("notifyWarehouse", 8L);
            Airlock.enqueue("greet", (Object) null);
            Airlock.enqueue("greet", "ada");
            Airlock.enqueue("ship", 9L, null);
        });
        assertThat(scope.intents()).hasSize(5);
        assertThat(handlers.calls).containsExactly("warehouse 7", "warehouse 8", "greet null", "greet ada",
                "ship 9 null");
    }

    @Test
    void aRejectedEnqueueLeavesTheOtherIntentsOfTheScopeAlone() {
        Intent[] accepted = new Intent[2];
        Scope scope = Airlock.scope(s -> {
            accepted[0] = Airlock.enqueue("greet", "before");
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehous", 1L)).isInstanceOf(UsageException.class);
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", 1L, 2L)).isInstanceOf(UsageException.class);
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", "1")).isInstanceOf(UsageException.class);
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", (Object) null)).isInstanceOf(UsageException.class);
            accepted[1] = Airlock.enqueue("greet", "after");
            assertThat(s.intents()).containsExactly(accepted[0], accepted[1]);
        });
        assertThat(scope.intents()).containsExactly(accepted[0], accepted[1]);
        assertThat(handlers.calls).containsExactly("greet before", "greet after");
    }

    @Singleton
    public static class Handlers {

        @Inject
        Recorder recorder;

        @AirlockTask
        void notifyWarehouse(long orderId) {
            recorder.calls.add("warehouse " + orderId);
        }

        @AirlockTask
        void greet(String name) {
            recorder.calls.add("greet " + name);
        }

        @AirlockTask
        void ship(long orderId, String carrier) {
            recorder.calls.add("ship " + orderId + " " + carrier);
        }

        @AirlockTask("invoiceCustomer")
        void sendInvoice(long orderId) {
            recorder.calls.add("invoice " + orderId);
        }
    }

    @Singleton
    public static class Orders {

        final List<Intent> seenInScope = new CopyOnWriteArrayList<>();

        /** Swallows the failure, so the scope ends normally and flushes whatever it holds. */
        @AirlockScope
        public UsageException enqueueTypoAndCarryOn() {
            seenInScope.clear();
            UsageException failure = null;
            try {
                Airlock.enqueue("notifyWarehous", 1L);
            } catch (UsageException e) {
                failure = e;
            }
            seenInScope.addAll(Airlock.currentScope().orElseThrow().intents());
            return failure;
        }
    }
}
