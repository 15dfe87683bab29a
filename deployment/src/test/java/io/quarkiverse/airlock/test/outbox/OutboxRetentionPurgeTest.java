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
 * Delivered rows are kept as {@code DONE} for the retention, then the relay purges them.
 */
public class OutboxRetentionPurgeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-retention", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.retention", "2s")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    AirlockOutbox outbox;

    @Test
    void deliveredRowsArePurgedOnceTheRetentionEnds() {
        OutboxTestApps.commitScope(() -> {
            Airlock.enqueue("archive", "a");
            Airlock.enqueue("archive", "b");
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.rows.size() == 2);
        for (UUID id : Handlers.rows) {
            OutboxEntry done = OutboxTestApps.awaitDone(outbox, id);
            assertThat(done.nextAttemptAt()).as("purged once the retention ends").isAfter(done.createdAt().plusSeconds(1));
        }

        for (UUID id : Handlers.rows) {
            await().atMost(Duration.ofSeconds(15)).until(() -> outbox.find(id).isEmpty());
        }
        assertThat(Handlers.rows).as("purging does not run anything again").hasSize(2);
    }

    public static class Handlers {

        static final List<UUID> rows = new CopyOnWriteArrayList<>();

        @AirlockTask("archive")
        void archive(String value) {
            rows.add(AirlockOutbox.currentDelivery().orElseThrow().id());
        }
    }
}
