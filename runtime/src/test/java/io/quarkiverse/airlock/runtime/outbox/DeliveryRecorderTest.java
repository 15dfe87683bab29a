package io.quarkiverse.airlock.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.OutboxEntry;

/**
 * Lanes whose rows are delivered while another lane's write is under way are recorded together, in one transaction;
 * each lane still learns its own row's fate before it goes on.
 */
class DeliveryRecorderTest {

    private static final String OWNER = "relay-1";

    private final AtomicInteger deletes = new AtomicInteger();
    private final AtomicBoolean deletesFail = new AtomicBoolean();
    private JdbcDataSource h2;
    private OutboxStore store;
    private DeliveryRecorder recorder;

    @BeforeEach
    void setUp() {
        // a write waits for a row lock as long as a test holds it
        h2 = FreshH2.database("delivery-recorder", ";LOCK_TIMEOUT=30000");
        DataSource watched = WatchedDataSource.of(h2, sql -> {
            if (sql.startsWith("DELETE FROM airlock_outbox")) {
                deletes.incrementAndGet();
                if (deletesFail.get()) {
                    throw new SQLException("connection lost");
                }
            }
        });
        store = new OutboxStore(watched, "airlock_outbox");
        new OutboxSchema(store).create();
        recorder = new DeliveryRecorder(store, OWNER, () -> null);
    }

    @Test
    void rowsDeliveredWhileAnotherIsWrittenAreRecordedInOneStatement() throws Exception {
        List<ClaimedRow> rows = claim(8);

        List<Object> results = recordWhileTheFirstWaits(rows);

        assertThat(results).as("each lane hears that its row is recorded").containsOnly(true);
        assertThat(pending()).isZero();
        assertThat(deletes.get()).as("the first row alone, then the seven that waited, together").isEqualTo(2);
    }

    @Test
    void aRowAnotherRelayTookOverIsLeftToItAndOnlyItsLaneHears() throws Exception {
        List<ClaimedRow> rows = claim(3);
        execute("UPDATE airlock_outbox SET owner = 'relay-2' WHERE id = '" + rows.get(1).id() + "'");

        List<Object> results = recordWhileTheFirstWaits(rows);

        assertThat(results).containsExactly(true, false, true);
        assertThat(pending()).as("the other relay's row").isEqualTo(1);
    }

    @Test
    void whenAGroupCannotBeWrittenEachOfItsLanesHearsAndRecordsItsRowAgain() throws Exception {
        List<ClaimedRow> rows = claim(3);
        deletesFail.set(true);

        List<Object> results = recordWhileTheFirstWaits(rows);

        assertThat(results.get(0)).as("the first row was on its way before the failure").isEqualTo(true);
        assertThat(results.subList(1, 3)).allSatisfy(result -> assertThat(result).isInstanceOf(SQLException.class));
        assertThat(pending()).as("nothing of the group was recorded").isEqualTo(2);

        deletesFail.set(false);
        assertThat(recordWhileTheFirstWaits(rows.subList(1, 3))).containsOnly(true);
        assertThat(pending()).isZero();
    }

    /**
     * Records the first row while a lock held elsewhere makes its write wait, lets the other lanes deliver theirs
     * meanwhile, then releases the lock.
     *
     * @return what each lane's call returned, or the exception it threw
     */
    private List<Object> recordWhileTheFirstWaits(List<ClaimedRow> rows) throws Exception {
        List<CompletableFuture<Object>> lanes = new ArrayList<>();
        List<Thread> waiting = new ArrayList<>();
        try (Connection blocker = h2.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker
                    .prepareStatement("SELECT id FROM airlock_outbox WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, rows.get(0).id());
                lock.executeQuery().close();
            }
            int before = deletes.get();
            boolean failing = deletesFail.getAndSet(false);
            lanes.add(lane(rows.get(0), null));
            await().atMost(Duration.ofSeconds(10)).until(() -> deletes.get() > before);
            deletesFail.set(failing);
            for (ClaimedRow row : rows.subList(1, rows.size())) {
                lanes.add(lane(row, waiting));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting.size() == rows.size() - 1
                    && waiting.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));
            blocker.commit();
        }
        List<Object> results = new ArrayList<>();
        for (CompletableFuture<Object> lane : lanes) {
            results.add(lane.get());
        }
        return results;
    }

    private CompletableFuture<Object> lane(ClaimedRow row, List<Thread> threads) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(recorder.delivered(row));
            } catch (Exception e) {
                result.complete(e);
            }
        });
        if (threads != null) {
            synchronized (threads) {
                threads.add(thread);
            }
        }
        thread.start();
        return result;
    }

    private List<ClaimedRow> claim(int count) throws SQLException {
        OffsetDateTime now = OutboxStore.now();
        for (int i = 0; i < count; i++) {
            store.insert(UUID.randomUUID(), "ship", "[" + i + "]", "{}", null, now.minusSeconds(count - i), now);
        }
        List<ClaimedRow> rows = store.claim(count, now, now.plusMinutes(5), OWNER);
        assertThat(rows).hasSize(count);
        return rows;
    }

    private long pending() {
        return store.count(OutboxEntry.PENDING);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
