package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code delivery=worker} the relay runs handlers on the worker pool; with a retention, delivered rows stay as
 * {@code DONE} instead of being deleted, until the relay purges them once it ends. Rows finishing on several lanes at
 * once are recorded together, and each is still delivered once, a handler's writes committed once with its row.
 */
public class OutboxWorkerDeliveryTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-worker", Handlers.class)
            .overrideConfigKey("quarkus.airlock.outbox.delivery", "worker")
            .overrideConfigKey("quarkus.airlock.outbox.retention", "2s")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    AirlockOutbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void handlersRunOnTheWorkerPoolAndDeliveredRowsAreKeptForTheRetentionThenPurged() {
        Airlock.scope(scope -> {
            Airlock.enqueue("record", "a");
            Airlock.enqueue("record", "b");
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.rows.size() == 2);
        assertThat(Handlers.threads).allSatisfy(thread -> assertThat(thread).startsWith("executor-thread"));
        for (UUID id : Handlers.rows) {
            OutboxEntry done = OutboxTestApps.awaitDone(outbox, id);
            assertThat(done.nextAttemptAt()).as("purged once the retention ends").isAfter(done.createdAt().plusSeconds(1));
        }
        for (UUID id : Handlers.rows) {
            await().atMost(Duration.ofSeconds(15)).until(() -> outbox.find(id).isEmpty());
        }
        assertThat(Handlers.rows).as("purging does not run anything again").hasSize(2);
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void rowsFinishingOnEveryLaneAtOnceAreEachDeliveredOnceWithTheirWrites() throws SQLException {
        int each = 200;
        OutboxTestApps.execute(dataSource, "CREATE TABLE written (what INT NOT NULL)");
        OutboxTestApps.commitScope(() -> {
            for (int i = 0; i < each; i++) {
                Airlock.enqueue("count", i);
                Airlock.enqueue("write", i);
            }
        });

        // every row was written before the wait: none left but DONE ones (or purged, which only DONE ones are) means
        // every outcome was recorded
        await().atMost(Duration.ofSeconds(30)).until(() -> Handlers.counted.size() >= each
                && count("SELECT COUNT(*) FROM airlock_outbox WHERE status <> 'DONE' AND task <> 'record'") == 0);
        assertThat(Handlers.counted).as("each row ran once")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, each).boxed().toList());
        assertThat(count("SELECT COUNT(DISTINCT what) FROM written")).isEqualTo(each);
        assertThat(count("SELECT COUNT(*) FROM written")).as("each write committed once, with its row").isEqualTo(each);
    }

    private long count(String sql) throws SQLException {
        return OutboxTestApps.count(dataSource, sql);
    }

    public static class Handlers {

        static final List<UUID> rows = new CopyOnWriteArrayList<>();
        static final List<String> threads = new CopyOnWriteArrayList<>();
        static final List<Integer> counted = new CopyOnWriteArrayList<>();

        @Inject
        AgroalDataSource dataSource;

        @AirlockTask("record")
        void record(String value) {
            threads.add(Thread.currentThread().getName());
            rows.add(AirlockOutbox.currentDelivery().orElseThrow().id());
        }

        @AirlockTask("count")
        void count(int value) {
            counted.add(value);
        }

        /** Writes through the row's transaction. */
        @AirlockTask("write")
        void write(int value) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("INSERT INTO written (what) VALUES (?)")) {
                statement.setInt(1, value);
                statement.executeUpdate();
            }
        }
    }
}
