package io.quarkiverse.airlock.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.runtime.executor.AirlockIntentMetadata;
import io.quarkiverse.airlock.runtime.executor.MessagingExecutor;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.vertx.core.json.JsonObject;

/**
 * quarkus.airlock.executor=messaging with one shared channel on the in-memory connector: each intent is one JSON
 * message (id, task, args, origin, options) with the task in the metadata, sent before the flush returns; tasks
 * handled elsewhere are accepted; the consumer channel runs the local handler with typed arguments.
 */
public class SharedChannelTest {

    @RegisterExtension
    static final QuarkusUnitTest config = MessagingApps.loopedBackInMemory(
            MessagingApps.of(SharedChannelTest.class, Handlers.class));

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Inject
    Handlers handlers;

    InMemorySink<String> sink;

    @BeforeEach
    void clear() {
        sink = connector.sink("airlock-intents");
        sink.clear();
        handlers.charges.clear();
    }

    @Test
    void eachIntentIsOneJsonMessageSentBeforeTheFlushReturns() {
        Airlock.scope(s -> Airlock.intent("charge").args(42L, "EUR").origin("POST /orders")
                .option("routing-key", "billing").enqueue());

        // no waiting: a flush on a thread that may block returns once the connector acknowledged the message
        assertThat(sink.received()).hasSize(1);
        Message<String> message = sink.received().get(0);
        JsonObject json = new JsonObject(message.getPayload());
        assertThat(json.getString("task")).isEqualTo("charge");
        assertThat(json.getJsonArray("args").getList()).containsExactly(42, "EUR");
        assertThat(json.getString("origin")).isEqualTo("POST /orders");
        assertThat(json.getJsonObject("options").getString("routing-key")).isEqualTo("billing");
        assertThat(json.getString("id")).isNotBlank();

        AirlockIntentMetadata metadata = message.getMetadata(AirlockIntentMetadata.class).orElseThrow();
        assertThat(metadata.task()).isEqualTo("charge");
        assertThat(metadata.id()).isEqualTo(json.getString("id"));
        assertThat(metadata.origin()).contains("POST /orders");
    }

    @Test
    void everyDispatchHasItsOwnIdUnlessTheIntentNamesOne() {
        Airlock.scope(s -> {
            Airlock.enqueue("charge", 1L, "EUR");
            Airlock.enqueue("charge", 1L, "EUR");
            Airlock.intent("charge").args(2L, "EUR").option(MessagingExecutor.MESSAGE_ID, "order-7").enqueue();
        });

        assertThat(sink.received()).extracting(m -> new JsonObject(m.getPayload()).getString("id"))
                .doesNotHaveDuplicates()
                .endsWith("order-7");
    }

    @Test
    void tasksHandledElsewhereTravelToo() {
        Airlock.scope(s -> Airlock.enqueue("crm.sync", "ada", 3));

        assertThat(sink.received()).singleElement()
                .satisfies(m -> assertThat(new JsonObject(m.getPayload()).getString("task")).isEqualTo("crm.sync"));
    }

    @Test
    void receivedIntentsRunTheLocalHandler() throws Exception {
        Airlock.scope(s -> Airlock.enqueue("charge", 5_000_000_000L, "a \"quoted\" text"));
        String sent = sink.received().get(0).getPayload();

        connector.source("airlock-in").send(sent);

        assertThat(handlers.charges.poll(10, TimeUnit.SECONDS)).isEqualTo("5000000000 a \"quoted\" text");
    }

    @Test
    void aRedeliveredMessageRunsTheHandlerOnce() throws Exception {
        Airlock.scope(s -> Airlock.enqueue("charge", 9L, "EUR"));
        String sent = sink.received().get(0).getPayload();

        // a message is acknowledged once its handler returned, or at once when it is dropped as a duplicate
        for (int delivery = 1; delivery <= 2; delivery++) {
            CompletableFuture<Void> acked = new CompletableFuture<>();
            connector.source("airlock-in").send(Message.of(sent).withAck(() -> {
                acked.complete(null);
                return CompletableFuture.completedFuture(null);
            }));
            acked.get(10, TimeUnit.SECONDS);
        }

        assertThat(handlers.charges).containsExactly("9 EUR");
    }

    @Test
    void messagesThatCannotBeHandledAreNacked() throws Exception {
        BlockingQueue<Throwable> nacked = new LinkedBlockingQueue<>();
        for (String payload : List.of("{\"id\":\"x1\",\"task\":\"nobody.handles\",\"args\":[]}",
                "{\"id\":\"x2\",\"task\":\"charge\",\"args\":[\"not a number\", \"EUR\"]}",
                "not an intent")) {
            connector.source("airlock-in").send(Message.of(payload).withNack(failure -> {
                nacked.add(failure);
                return CompletableFuture.completedFuture(null);
            }));
        }

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failures.add(nacked.poll(10, TimeUnit.SECONDS).getMessage());
        }
        assertThat(failures).anySatisfy(m -> assertThat(m).contains("nobody.handles"))
                .anySatisfy(m -> assertThat(m).contains("not a number"))
                .hasSize(3);
        assertThat(handlers.charges).isEmpty();
    }

    @Singleton
    public static class Handlers {

        final BlockingQueue<String> charges = new LinkedBlockingQueue<>();

        @AirlockTask
        void charge(long cents, String currency) {
            charges.add(cents + " " + currency);
        }
    }
}
