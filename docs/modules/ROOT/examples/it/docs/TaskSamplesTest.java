package io.quarkiverse.airlock.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The samples of tasks-and-executors.adoc, with the default {@code sync} executor.
 */
@QuarkusTest
class TaskSamplesTest extends AuditedTest {

    @Inject
    QueueingExecutor queue;

    @Test
    void enqueueWithPositionalArguments() {
        Airlock.scope(scope -> {
            // tag::enqueue[]
            Airlock.enqueue("audit.record", "exported", 42L); // arguments in the order of the parameters
            Airlock.enqueue("audit.record", "anonymous export", null); // null fits a reference parameter
            // end::enqueue[]
        });
        assertThat(audit.names()).containsExactly("audit.record[exported, 42]", "audit.record[anonymous export, null]");
    }

    @Test
    void handlerWithItsOwnScope() {
        // tag::handler-scope[]
        Airlock.scope(scope -> Airlock.enqueue("paymentDeclined", 42L));
        // paymentDeclined ran at the flush, then its own scope dispatched the audit record
        // end::handler-scope[]
        assertThat(audit.names()).containsExactly("paymentDeclined[42]", "audit.record[payment declined, 42]");
    }

    @Test
    void enqueueTimeValidation() {
        Scope scope = Airlock.scope(new DropAll(), s -> {
            // tag::validation[]
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehose", 42L))
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("Unknown task 'notifyWarehose'. Did you mean 'notifyWarehouse'?");
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse"))
                    .hasMessageStartingWith("Task 'notifyWarehouse' takes 1 argument(s) [long] but was enqueued with 0");
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", "42"))
                    .hasMessageContaining("argument 0 (java.lang.String 42) cannot be passed to parameter of type long");
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", 42)) // an Integer: write 42L
                    .hasMessageContaining("argument 0 (java.lang.Integer 42) cannot be passed");
            assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", (Object) null)) // null never fits a primitive
                    .hasMessageContaining("argument 0 (null) cannot be passed");
            // end::validation[]
        });
        assertThat(scope.intents()).isEmpty(); // nothing was buffered
    }

    @Test
    void intentBuilder() {
        long orderId = 42L;
        Scope scope = Airlock.scope(new DropAll(), s -> {
            // tag::builder[]
            Airlock.intent("sendConfirmationEmail")
                    .args(orderId)
                    .option("delay", Duration.ofMinutes(5)) // understood by worker, virtual-threads and event-bus
                    .option("queue", "mail") // any other key: for your own executor
                    .origin("POST /orders/" + orderId + "/checkout")
                    .enqueue();
            // end::builder[]
        });
        Intent intent = scope.intents().get(0);
        assertThat(intent.options()).containsExactly(Map.entry("delay", Duration.ofMinutes(5)), Map.entry("queue", "mail"));
        assertThat(intent.origin()).contains("POST /orders/42/checkout");
    }

    @Test
    void delayMustBeValid() {
        assertThatThrownBy(() -> Airlock.intent("sendConfirmationEmail").option("delay", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Airlock.intent("sendConfirmationEmail").option("delay", "5s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Airlock.intent("sendConfirmationEmail").option("queue", null))
                .isInstanceOf(IllegalArgumentException.class);
        Airlock.intent("sendConfirmationEmail").option("delay", 500).option("delay", 500L);
    }

    @Test
    void inProcessAction() {
        Map<Long, String> customerCache = new ConcurrentHashMap<>(Map.of(7L, "ada"));
        // tag::action[]
        Airlock.scope(scope -> {
            Airlock.enqueue("evictCustomer", () -> customerCache.remove(7L)); // no handler: the name is for policies
        });
        // end::action[]
        assertThat(customerCache).isEmpty();
    }

    @Test
    void customExecutorReceivesWhateverWasEnqueued() {
        // tag::custom-executor-scope[]
        List<Intent> sent = new ArrayList<>();
        Airlock.scope(new Scope(new AllowAll(), sent::add), scope -> {
            Airlock.enqueue("crm.syncCustomer", "ada@example.com"); // no such handler here, and no error
        });
        assertThat(sent).extracting(Intent::toString).containsExactly("crm.syncCustomer(\"ada@example.com\")");
        // end::custom-executor-scope[]
    }

    @Test
    void customExecutorBean() {
        Airlock.scope(new Scope(new AllowAll(), queue), scope -> Airlock.enqueue("crm.syncCustomer", "ada"));
        assertThat(queue.poll()).hasToString("crm.syncCustomer(\"ada\")");
        assertThat(queue.poll()).isNull();
    }

    @Test
    void syncHandlersRunInTheFlushingThread() {
        Airlock.scope(scope -> Airlock.enqueue("audit.record", "sync", 1L));
        assertThat(audit.calls).singleElement().satisfies(call -> assertThat(call.thread()).isSameAs(Thread.currentThread()));
    }
}
