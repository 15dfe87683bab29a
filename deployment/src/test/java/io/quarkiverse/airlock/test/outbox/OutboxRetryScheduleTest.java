package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkus.test.QuarkusUnitTest;

/**
 * When a failed row runs again, and how often. A failed attempt is retried after its backoff, not at the next poll:
 * with an hour between polls and a backoff of a tenth of a second, an intent whose handler fails twice is delivered
 * on its third attempt within seconds. A task's own {@code max-attempts} replaces the outbox's for its rows only: a
 * payment capture that must not be retried is dead-lettered after its one attempt, while a notification keeps the
 * outbox's three.
 */
public class OutboxRetryScheduleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-retry-schedule", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "1h")
            .overrideConfigKey("quarkus.airlock.outbox.initial-backoff", "100ms")
            .overrideConfigKey("quarkus.airlock.outbox.max-backoff", "200ms")
            .overrideConfigKey("quarkus.airlock.outbox.max-attempts", "3")
            .overrideConfigKey("quarkus.airlock.tasks.\"capture\".max-attempts", "1");

    @Inject
    AirlockOutbox outbox;

    @Test
    void failedAttemptsAreRetriedAfterTheirBackoff() {
        OutboxTestApps.commitScope(() -> Airlock.enqueue("ship", "flaky"));

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.shipAttempts.size() == 3);
        assertThat(Handlers.shipAttempts).containsExactly(1, 2, 3);
        assertThat(Handlers.shipped).containsExactly("flaky");
    }

    @Test
    void aTaskWithItsOwnMaxAttemptsIsDeadLetteredOnItsScheduleAndTheOthersOnTheOutboxs() {
        OutboxTestApps.commitScope(() -> {
            Airlock.enqueue("capture", "payment-1");
            Airlock.enqueue("notify", "customer-1");
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.deadLetterCount() == 2);
        assertThat(outbox.deadLetters(10)).extracting(OutboxEntry::task, OutboxEntry::attempts)
                .containsExactlyInAnyOrder(tuple("capture", 1), tuple("notify", 3));
        assertThat(Handlers.attempts.get("capture")).hasValue(1);
        assertThat(Handlers.attempts.get("notify")).hasValue(3);
    }

    public static class Handlers {

        static final List<Integer> shipAttempts = new CopyOnWriteArrayList<>();
        static final List<String> shipped = new CopyOnWriteArrayList<>();
        static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @AirlockTask("ship")
        void ship(String order) {
            int attempt = AirlockOutbox.currentDelivery().orElseThrow().attempt();
            shipAttempts.add(attempt);
            if (attempt < 3) {
                throw new IllegalStateException("carrier unavailable, attempt " + attempt);
            }
            shipped.add(order);
        }

        @AirlockTask
        void capture(String payment) {
            attempts.computeIfAbsent("capture", ignored -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("card declined for " + payment);
        }

        @AirlockTask
        void notify(String customer) {
            attempts.computeIfAbsent("notify", ignored -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("mail server down for " + customer);
        }
    }
}
