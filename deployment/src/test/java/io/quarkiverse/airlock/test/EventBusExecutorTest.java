package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.UsageException;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.vertx.ConsumeEvent;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;

/**
 * quarkus.airlock.executor=event-bus: the task name is the address and the arguments travel as a JSON array string, so
 * a local handler gets its typed arguments back and any other consumer (another node) can read them; the origin travels
 * in the header airlock-origin. Enqueue accepts names without a local handler but still checks known tasks.
 */
public class EventBusExecutorTest {

    static final String REMOTE = "crm.sync";

    @RegisterExtension
    static final QuarkusUnitTest config = TestApps.withExecutor("event-bus", Handlers.class, RemoteNode.class);

    @Inject
    Handlers handlers;

    @Inject
    RemoteNode remote;

    @BeforeEach
    void clear() {
        handlers.charges.clear();
        remote.messages.clear();
    }

    @Test
    void localHandlerReceivesTheEnqueuedValues() throws Exception {
        Airlock.scope(s -> {
            Airlock.enqueue("billing.charge", 42L, "EUR");
            Airlock.enqueue("billing.charge", Long.MAX_VALUE - 1, "a \"quoted\", [bracketed] text");
            Airlock.enqueue("billing.charge", -7L, null);
        });

        // consumers run on the worker pool without ordering guarantees: compare as a set
        List<String> received = Arrays.asList(
                handlers.charges.poll(5, TimeUnit.SECONDS),
                handlers.charges.poll(5, TimeUnit.SECONDS),
                handlers.charges.poll(5, TimeUnit.SECONDS));
        assertThat(received).containsExactlyInAnyOrder(
                "42 EUR scope=false",
                (Long.MAX_VALUE - 1) + " a \"quoted\", [bracketed] text scope=false",
                "-7 null scope=false");
    }

    @Test
    void anyConsumerOfTheAddressReceivesAJsonArrayString() throws Exception {
        Scope scope = Airlock.scope(s -> Airlock.enqueue(REMOTE, "ada", 3, 5_000_000_000L, true, null));

        assertThat(scope.intents()).as("a name without a local handler is accepted").hasSize(1);
        Message<Object> message = remote.messages.poll(5, TimeUnit.SECONDS);
        assertThat(message).as("the consumer of address " + REMOTE + " received the intent").isNotNull();
        assertThat(message.address()).isEqualTo(REMOTE);
        assertThat(message.body()).as("the body is a String").isInstanceOf(String.class);
        JsonArray args = new JsonArray((String) message.body());
        assertThat(args.size()).isEqualTo(5);
        assertThat(args.getString(0)).isEqualTo("ada");
        assertThat(args.getInteger(1)).isEqualTo(3);
        assertThat(args.getLong(2)).isEqualTo(5_000_000_000L);
        assertThat(args.getBoolean(3)).isTrue();
        assertThat(args.hasNull(4)).isTrue();
    }

    @Test
    void originTravelsInAHeader() throws Exception {
        Airlock.scope(s -> Airlock.intent(REMOTE).args("bob").origin("GET /orders").enqueue());

        Message<Object> message = remote.messages.poll(5, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.headers().get("airlock-origin")).isEqualTo("GET /orders");
        assertThat(new JsonArray((String) message.body()).getString(0)).isEqualTo("bob");

        Airlock.scope(s -> Airlock.enqueue(REMOTE, "no-origin"));
        Message<Object> plain = remote.messages.poll(5, TimeUnit.SECONDS);
        assertThat(plain).isNotNull();
        assertThat(plain.headers().contains("airlock-origin")).as("no origin, no header").isFalse();
    }

    @Test
    void unknownNameWithoutAnyConsumerDoesNotFailTheFlush() {
        Scope scope = Airlock.scope(s -> Airlock.enqueue("nobody.listens.here", 1));
        assertThat(scope.isFlushed()).isTrue();
        assertThat(scope.intents()).hasSize(1);
    }

    @Test
    void knownLocalTaskIsStillCheckedAtEnqueue() {
        Scope scope = Airlock.scope(s -> {
            assertThatThrownBy(() -> Airlock.enqueue("billing.charge", 42L))
                    .as("wrong number of arguments").isInstanceOf(UsageException.class)
                    .hasMessageContaining("'billing.charge'");
            assertThatThrownBy(() -> Airlock.enqueue("billing.charge", "42", "EUR"))
                    .as("wrong argument type").isInstanceOf(UsageException.class)
                    .hasMessageContaining("'billing.charge'");
            assertThatThrownBy(() -> Airlock.intent("billing.charge").args(1L, "EUR", "extra").enqueue())
                    .as("wrong number of arguments through the builder").isInstanceOf(UsageException.class);
        });
        assertThat(scope.intents()).as("nothing was buffered").isEmpty();
    }

    @Singleton
    public static class Handlers {

        final BlockingQueue<String> charges = new LinkedBlockingQueue<>();

        @AirlockTask("billing.charge")
        void charge(long amount, String text) {
            charges.add(amount + " " + text + " scope=" + Airlock.currentScope().isPresent());
        }
    }

    /** Stands for another node: consumes an address no local @AirlockTask handles. */
    @Singleton
    public static class RemoteNode {

        final BlockingQueue<Message<Object>> messages = new LinkedBlockingQueue<>();

        @ConsumeEvent(REMOTE)
        void onMessage(Message<Object> message) {
            messages.add(message);
        }
    }
}
