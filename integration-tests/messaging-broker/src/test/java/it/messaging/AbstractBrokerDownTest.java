package it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockException;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.runtime.executor.MessagingExecutor;

/**
 * The broker stops while intents are dispatched: each dispatch fails (nothing is silently lost), and resending the
 * same intents, with the same message ids, once the broker is back delivers each of them exactly once. The retry
 * loop here stands for what the caller (or the outbox relay) does. Each broker module runs it against its broker.
 */
public abstract class AbstractBrokerDownTest extends AbstractBrokerTest {

    static final int INTENTS = 3;

    @Inject
    MessagingExecutor executor;

    @Test
    void intentsDispatchedWhileTheBrokerIsDownFailAndAreDeliveredOnceWhenResent() {
        Airlock.scope(s -> Airlock.enqueue("shop.ship", "before", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.handled().contains("before x1"));

        List<Intent> failed = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 1; i <= INTENTS; i++) {
                String order = "down-" + i;
                Scope scope = new Scope();
                assertThatThrownBy(() -> Airlock.scope(scope, s -> Airlock.intent("shop.ship").args(order, 1)
                        .option(MessagingExecutor.MESSAGE_ID, order).enqueue()))
                        .isInstanceOf(AirlockException.class)
                        .hasMessageContaining("could not send shop.ship(\"" + order + "\", 1)");
                failed.addAll(scope.intents());
            }
        } finally {
            broker.start();
        }
        assertThat(failed).hasSize(INTENTS);

        for (Intent intent : failed) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .ignoreException(AirlockException.class)
                    .until(() -> {
                        executor.dispatch(intent);
                        return true;
                    });
        }
        Airlock.scope(s -> Airlock.enqueue("shop.ship", "after", 1));

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.handled().contains("after x1")
                && broker.drained());
        for (int i = 1; i <= INTENTS; i++) {
            assertThat(Collections.frequency(deliveries.handled(), "down-" + i + " x1"))
                    .as("deliveries of down-%d in %s", i, deliveries.handled()).isEqualTo(1);
        }
    }
}
