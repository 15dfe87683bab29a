package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code delivery=event-bus} the relay publishes committed rows on the Vert.x event bus, where the consumer of the
 * local handler runs them; the row is gone once it is handed over.
 */
public class OutboxEventBusDeliveryTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-event-bus", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.delivery", "event-bus");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void committedRowsTravelOverTheEventBusToTheLocalHandler() {
        OutboxTestApps.commitScope(() -> {
            Airlock.enqueue("notify", "ada", 2);
            Airlock.enqueue("notify", "grace", 3);
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.notified.size() == 2);
        assertThat(Handlers.notified).containsExactlyInAnyOrder("ada:2", "grace:3");
        // run by the event-bus consumer, not by the relay
        assertThat(Handlers.threads).noneMatch(thread -> thread.startsWith("airlock-outbox-relay"));
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxTestApps.rows(dataSource) == 0);
        assertThat(Handlers.notified).as("each row handed over once").hasSize(2);
    }

    public static class Handlers {

        static final List<String> notified = new CopyOnWriteArrayList<>();
        static final List<String> threads = new CopyOnWriteArrayList<>();

        @AirlockTask("notify")
        void notify(String user, int count) {
            threads.add(Thread.currentThread().getName());
            notified.add(user + ":" + count);
        }
    }
}
