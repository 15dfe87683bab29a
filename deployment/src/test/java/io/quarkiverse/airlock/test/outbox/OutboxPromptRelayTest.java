package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The relay polls only once an hour here, yet it does not wait for its poll: committed intents are delivered at once,
 * the commit waking it, and an intent with a {@code delay} option, written to the outbox due later, is delivered once
 * it falls due, and not before.
 */
public class OutboxPromptRelayTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-prompt", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "1h");

    @Test
    void eachCommitWakesTheRelay() {
        // the first may still be found by the relay's start-up pass; afterwards it waits for the next poll, an hour away
        commit("first");
        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.shipped.contains("first"));

        commit("second");
        await().atMost(Duration.ofSeconds(3)).until(() -> Handlers.shipped.contains("second"));
        commit("third");
        await().atMost(Duration.ofSeconds(3)).until(() -> Handlers.shipped.contains("third"));

        // a scope that flushes outside any transaction commits its row at once, and wakes the relay as well
        Airlock.scope(scope -> Airlock.enqueue("ship", "fourth"));
        await().atMost(Duration.ofSeconds(3)).until(() -> Handlers.shipped.contains("fourth"));
        assertThat(Handlers.shipped).containsExactly("first", "second", "third", "fourth");
    }

    @Test
    void aDelayedIntentIsDeliveredWhenItFallsDue() {
        long committed = System.nanoTime();
        OutboxTestApps.commitScope(() -> Airlock.intent("remind").args("cart-7")
                .option("delay", Duration.ofMillis(800)).enqueue());

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.reminded.containsKey("cart-7"));
        assertThat(Duration.ofNanos(Handlers.reminded.get("cart-7") - committed))
                .as("not before its delay").isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    private static void commit(String order) {
        OutboxTestApps.commitScope(() -> Airlock.enqueue("ship", order));
    }

    public static class Handlers {

        static final List<String> shipped = new CopyOnWriteArrayList<>();
        static final Map<String, Long> reminded = new ConcurrentHashMap<>();

        @AirlockTask("ship")
        void ship(String order) {
            shipped.add(order);
        }

        @AirlockTask("remind")
        void remind(String cart) {
            reminded.put(cart, System.nanoTime());
        }
    }
}
