package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An intent with a {@code delay} option is written to the outbox due later, and the relay delivers it once it falls
 * due, not at its next poll (an hour away here), and not before.
 */
public class OutboxDelayTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-delay", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "1h");

    @Test
    void aDelayedIntentIsDeliveredWhenItFallsDue() {
        long committed = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> Airlock.scope(scope -> Airlock.intent("remind").args("cart-7")
                .option("delay", Duration.ofMillis(800)).enqueue()));

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.reminded.containsKey("cart-7"));
        assertThat(Duration.ofNanos(Handlers.reminded.get("cart-7") - committed))
                .as("not before its delay").isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    public static class Handlers {

        static final Map<String, Long> reminded = new ConcurrentHashMap<>();

        @AirlockTask("remind")
        void remind(String cart) {
            reminded.put(cart, System.nanoTime());
        }
    }
}
