package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code delivery=worker} the relay runs handlers on the worker pool; with a retention, delivered rows stay as
 * {@code DONE} instead of being deleted.
 */
public class OutboxWorkerDeliveryTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-worker", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.delivery", "worker")
            .overrideConfigKey("quarkus.airlock.outbox.retention", "1h");

    @Inject
    AirlockOutbox outbox;

    @Test
    void handlersRunOnTheWorkerPoolAndDeliveredRowsAreKeptForTheRetention() {
        Airlock.scope(scope -> {
            Airlock.enqueue("record", "a");
            Airlock.enqueue("record", "b");
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.rows.size() == 2);
        assertThat(Handlers.threads).allSatisfy(thread -> assertThat(thread).startsWith("executor-thread"));
        for (UUID id : Handlers.rows) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> outbox.find(id).map(OutboxEntry::status).orElse("").equals(OutboxEntry.DONE));
            OutboxEntry done = outbox.find(id).orElseThrow();
            assertThat(done.nextAttemptAt()).as("purged in about an hour").isAfter(done.createdAt().plusMinutes(59));
        }
        assertThat(outbox.pendingCount()).isZero();
    }

    public static class Handlers {

        static final List<UUID> rows = new CopyOnWriteArrayList<>();
        static final List<String> threads = new CopyOnWriteArrayList<>();

        @AirlockTask("record")
        void record(String value) {
            threads.add(Thread.currentThread().getName());
            rows.add(AirlockOutbox.currentDelivery().orElseThrow().id());
        }
    }
}
