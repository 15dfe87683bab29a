package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A failed attempt is retried after its backoff, not at the next poll: with an hour between polls and a backoff of a
 * tenth of a second, an intent whose handler fails twice is delivered on its third attempt within seconds.
 */
public class OutboxRetryBackoffTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-backoff", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "1h")
            .overrideConfigKey("quarkus.airlock.outbox.initial-backoff", "100ms")
            .overrideConfigKey("quarkus.airlock.outbox.max-backoff", "200ms")
            .overrideConfigKey("quarkus.airlock.outbox.max-attempts", "5");

    @Test
    void failedAttemptsAreRetriedAfterTheirBackoff() {
        OutboxTestApps.commitScope(() -> Airlock.enqueue("ship", "flaky"));

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.attempts.size() == 3);
        assertThat(Handlers.attempts).containsExactly(1, 2, 3);
        assertThat(Handlers.shipped).containsExactly("flaky");
    }

    public static class Handlers {

        static final List<Integer> attempts = new CopyOnWriteArrayList<>();
        static final List<String> shipped = new CopyOnWriteArrayList<>();

        @AirlockTask("ship")
        void ship(String order) {
            int attempt = AirlockOutbox.currentDelivery().orElseThrow().attempt();
            attempts.add(attempt);
            if (attempt < 3) {
                throw new IllegalStateException("carrier unavailable, attempt " + attempt);
            }
            shipped.add(order);
        }
    }
}
