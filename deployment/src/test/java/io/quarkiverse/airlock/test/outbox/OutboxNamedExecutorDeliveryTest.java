package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.OutboxDelivery;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code delivery} naming an {@link IntentExecutor} bean, the relay hands it each committed row as an intent,
 * with the row's id and attempt visible; when the bean throws, the row is retried.
 */
public class OutboxNamedExecutorDeliveryTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.retryingAtOnce(OutboxTestApps.onH2("outbox-bean", Forwarder.class))
            .overrideConfigKey("quarkus.airlock.outbox.delivery", "forwarder")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    Forwarder forwarder;

    @Inject
    AirlockOutbox outbox;

    @Test
    void theBeanReceivesEachRowAndAFailureIsRetried() {
        // no local handler: the bean forwards the task to wherever it is handled
        OutboxTestApps.commitScope(() -> Airlock.intent("crm.sync").args("ada", 3)
                .origin("signup").enqueue());

        await().atMost(Duration.ofSeconds(10)).until(() -> forwarder.forwarded().size() == 1);
        Intent intent = forwarder.forwarded().get(0);
        assertThat(intent.name()).isEqualTo("crm.sync");
        assertThat(intent.args()).containsExactly("ada", 3);
        assertThat(intent.origin()).contains("signup");

        List<OutboxDelivery> attempts = forwarder.attempts();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).attempt()).isEqualTo(1);
        assertThat(attempts.get(1).attempt()).isEqualTo(2);
        assertThat(attempts.get(1).id()).as("the same row").isEqualTo(attempts.get(0).id());
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(attempts.get(0).id()).isEmpty());
        assertThat(outbox.pendingCount()).isZero();
        assertThat(forwarder.forwarded()).hasSize(1);
    }

    @Singleton
    @Named("forwarder")
    public static class Forwarder implements IntentExecutor {

        private final List<Intent> forwarded = new CopyOnWriteArrayList<>();
        private final List<OutboxDelivery> attempts = new CopyOnWriteArrayList<>();
        private final AtomicBoolean failedOnce = new AtomicBoolean();

        @Override
        public void dispatch(Intent intent) {
            attempts.add(AirlockOutbox.currentDelivery().orElseThrow());
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("partner unavailable");
            }
            forwarded.add(intent);
        }

        List<Intent> forwarded() {
            return forwarded;
        }

        List<OutboxDelivery> attempts() {
            return attempts;
        }
    }
}
