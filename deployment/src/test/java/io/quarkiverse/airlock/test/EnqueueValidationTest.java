package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.ScopeBody;
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
        Scope scope = inAScopeThatStaysEmpty(s -> rejected(() -> Airlock.enqueue("notifyWarehous", 1L))
                .hasMessageContainingAll("'notifyWarehous'", "Did you mean 'notifyWarehouse'?"));
        assertThat(scope.isFlushed()).as("the body completed normally, so the scope flushed").isTrue();
    }

    @Test
    void aRenamedTaskCalledByItsMethodNameNamesTheTaskThatMethodHandles() {
        inAScopeThatStaysEmpty(s -> rejected(() -> Airlock.enqueue("sendInvoice", 1L))
                .hasMessageContainingAll("Unknown task 'sendInvoice'", "Handlers#sendInvoice(long)",
                        "handles task 'invoiceCustomer'", "enqueue it by that name"));
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
        inAScopeThatStaysEmpty(s -> rejected(() -> Airlock.intent("notifyWarehous").args(1L).enqueue())
                .hasMessageContaining("Did you mean 'notifyWarehouse'?"));
    }

    @Test
    void tooManyArgumentsNameTaskAndHandler() {
        inAScopeThatStaysEmpty(s -> rejected(() -> Airlock.enqueue("notifyWarehouse", 1L, "extra"))
                .hasMessageContainingAll("'notifyWarehouse'", "takes 1 argument", "enqueued with 2", NOTIFY));
    }

    @Test
    void tooFewArgumentsNameTaskAndHandler() {
        inAScopeThatStaysEmpty(s -> {
            rejected(() -> Airlock.enqueue("ship", 1L))
                    .hasMessageContainingAll("'ship'", "takes 2 argument", "enqueued with 1", SHIP);
            rejected(() -> Airlock.enqueue("notifyWarehouse"))
                    .hasMessageContainingAll("'notifyWarehouse'", "enqueued with 0", NOTIFY);
        });
    }

    @Test
    void wrongArgumentTypeNamesTaskParameterAndHandler() {
        inAScopeThatStaysEmpty(s -> {
            rejected(() -> Airlock.enqueue("notifyWarehouse", "42"))
                    .hasMessageContainingAll("'notifyWarehouse'", "argument 0", "java.lang.String", "long", NOTIFY);
            rejected(() -> Airlock.enqueue("ship", 1L, 99))
                    .hasMessageContainingAll("'ship'", "argument 1", "java.lang.Integer", "java.lang.String", SHIP);
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", 42))
                    .as("an Integer is not a long").isInstanceOf(UsageException.class);
        });
    }

    @Test
    void nullCannotBePassedToAPrimitive() {
        inAScopeThatStaysEmpty(s -> rejected(() -> Airlock.enqueue("notifyWarehouse", (Object) null))
                .hasMessageContainingAll("'notifyWarehouse'", "null", "long", NOTIFY));
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

    /** Runs {@code body} in a scope of its own, which must end holding no intent, no handler having run. */
    private Scope inAScopeThatStaysEmpty(ScopeBody<RuntimeException> body) {
        Scope scope = Airlock.scope(body);
        assertThat(scope.intents()).isEmpty();
        assertThat(handlers.calls).isEmpty();
        return scope;
    }

    /** Asserts that the enqueue is rejected as a usage error, for further checks of the message. */
    private static AbstractThrowableAssert<?, ? extends Throwable> rejected(ThrowingCallable enqueue) {
        return assertThatThrownBy(enqueue).isInstanceOf(UsageException.class);
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
