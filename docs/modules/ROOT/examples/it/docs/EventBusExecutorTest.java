package io.quarkiverse.airlock.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;

/**
 * What tasks-and-executors.adoc says about {@code quarkus.airlock.executor=event-bus}.
 */
@QuarkusTest
@TestProfile(EventBusExecutorTest.EventBusExecutor.class)
class EventBusExecutorTest extends AuditedTest {

    public static class EventBusExecutor extends ConfigOverride {
        public EventBusExecutor() {
            super("quarkus.airlock.executor", "event-bus");
        }
    }

    @Inject
    Vertx vertx;

    record Invoice(long orderId, String currency, String origin, String priority) {
    }

    @Test
    void messageFormat() throws Exception {
        CompletableFuture<Invoice> invoices = new CompletableFuture<>();
        CompletableFuture<Message<String>> messages = new CompletableFuture<>();
        // tag::event-bus-consumer[]
        MessageConsumer<String> consumer = vertx.eventBus().consumer("billing.createInvoice", message -> {
            JsonArray args = new JsonArray(message.body()); // [42,"EUR"]
            String origin = message.headers().get("airlock-origin"); // "POST /orders/42/checkout"
            String priority = message.headers().get("airlock-option-priority"); // "5"
            invoices.complete(new Invoice(args.getLong(0), args.getString(1), origin, priority));
            // end::event-bus-consumer[]
            messages.complete(message);
            // tag::event-bus-consumer[]
        });
        // end::event-bus-consumer[]
        await().until(consumer::isRegistered);
        try {
            // tag::event-bus-send[]
            Airlock.scope(scope -> Airlock.intent("billing.createInvoice") // no local handler: accepted
                    .args(42L, "EUR")
                    .option("priority", 5)
                    .origin("POST /orders/42/checkout")
                    .enqueue());
            // end::event-bus-send[]
            assertThat(invoices.get(10, TimeUnit.SECONDS))
                    .isEqualTo(new Invoice(42L, "EUR", "POST /orders/42/checkout", "5"));
            Message<String> message = messages.get(10, TimeUnit.SECONDS);
            assertThat(message.body()).isEqualTo("[42,\"EUR\"]");
            assertThat(message.address()).isEqualTo("billing.createInvoice");
        } finally {
            consumer.unregister();
        }
    }

    @Test
    void localHandlerRunsOnAWorkerWithAFreshContext() {
        Airlock.scope(scope -> Airlock.enqueue("audit.record", "exported", 7L));

        await().atMost(Duration.ofSeconds(10)).until(() -> !audit.calls.isEmpty());
        AuditTasks.Call call = audit.calls.get(0);
        assertThat(call.args()).containsExactly("exported", 7L); // decoded from JSON into the parameter types
        assertThat(call.thread()).isNotSameAs(Thread.currentThread());
        assertThat(call.thread().getName()).doesNotContain("eventloop");
        assertThat(VertxContext.isDuplicatedContext(call.context())).isTrue();
    }

    @Test
    void argumentsOfLocalTasksAreStillChecked() {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("audit.record", "too few")))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void delayedSend() throws Exception {
        CompletableFuture<Long> receivedAt = new CompletableFuture<>();
        MessageConsumer<String> consumer = vertx.eventBus().consumer("billing.remind",
                message -> receivedAt.complete(System.nanoTime()));
        await().until(consumer::isRegistered);
        try {
            long flushedAt = System.nanoTime();
            Airlock.scope(scope -> Airlock.intent("billing.remind").args(1L).option("delay", 300).enqueue());
            long elapsed = TimeUnit.NANOSECONDS.toMillis(receivedAt.get(10, TimeUnit.SECONDS) - flushedAt);
            assertThat(elapsed).isGreaterThanOrEqualTo(250);
        } finally {
            consumer.unregister();
        }
    }

    @Test
    void actionsRunOnTheWorkerPool() throws Exception {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        Airlock.scope(scope -> Airlock.enqueue("evictCache", () -> ranOn.complete(Thread.currentThread())));
        assertThat(ranOn.get(10, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
    }
}
