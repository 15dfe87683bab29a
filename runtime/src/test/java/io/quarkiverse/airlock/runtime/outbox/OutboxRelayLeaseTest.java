package io.quarkiverse.airlock.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.OutboxEntry;

/**
 * A row belongs to one live relay at a time: its lease is renewed while it waits or runs, a relay that lost a row
 * records nothing about it, a handler that outlives its timeout is left behind, and an instance that restarts takes
 * back at once what it held.
 */
class OutboxRelayLeaseTest {

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final List<OutboxRelay> relays = new CopyOnWriteArrayList<>();
    private OutboxStore store;
    private JdbcDataSource dataSource;

    @BeforeEach
    void setUp() {
        dataSource = FreshH2.database("relay-lease", "");
        store = new OutboxStore(dataSource, "airlock_outbox");
        new OutboxSchema(store).create();
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void aRelayThatLostARowRecordsNothingAboutIt() throws Exception {
        UUID id = insert("a");
        OffsetDateTime now = OutboxStore.now();
        ClaimedRow stale = store.claim(1, now, now.minusSeconds(1), "node-1").get(0);
        ClaimedRow current = store.claim(1, OutboxStore.now(), OutboxStore.now().plusMinutes(5), "node-2").get(0);
        assertThat(current.attempt()).isEqualTo(stale.attempt() + 1);

        assertThat(store.failed(stale, "node-1", "boom", null, OutboxStore.now())).isFalse();
        assertThat(store.delivered(stale, "node-1", null)).isFalse();
        assertThat(store.renew(List.of(stale), "node-1", OutboxStore.now().plusMinutes(5))).containsExactly(stale);
        assertThat(status(id)).as("node-2's claim, untouched").isEqualTo("PENDING node-2 2");

        assertThat(store.delivered(current, "node-2", null)).isTrue();
        assertThat(status(id)).isNull();
    }

    @Test
    void leasesOfWaitingAndRunningRowsAreRenewedSoNoOtherRelayTakesThem() throws Exception {
        for (int i = 0; i < 3; i++) {
            insert("slow-" + i);
        }
        // each row takes longer than the lease; the three of them, run one at a time, three times longer
        start("node-1", settings(Duration.ofSeconds(1), Duration.ofSeconds(10)), intent -> sleep(1200));
        // node-1 claims the three rows in one batch and starts the first: from then on they are its own
        await().atMost(Duration.ofSeconds(5)).until(() -> !runs.isEmpty());
        Set<UUID> stolen = ConcurrentHashMap.newKeySet();
        var thief = Executors.newSingleThreadScheduledExecutor();
        try {
            thief.scheduleWithFixedDelay(() -> {
                try {
                    OffsetDateTime now = OutboxStore.now();
                    store.claim(10, now, now.plusMinutes(5), "thief").forEach(row -> stolen.add(row.id()));
                } catch (SQLException e) {
                    // the relay holds the table for a moment: the next look will do
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> !stolen.isEmpty() || runs.size() == 3 && count() == 0);
        } finally {
            thief.shutdownNow();
        }
        assertThat(stolen).as("no row was due for another relay while node-1 held it").isEmpty();
        assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void aHandlerPastItsTimeoutIsRetriedAndTheRelayGoesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UUID hung = insert("hang");
        insert("a");
        insert("b");
        start("node-1", settings(Duration.ofMinutes(5), Duration.ofMillis(300)), intent -> {
            if (intent.args().get(0).equals("hang") && runs.get("hang").get() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // interrupted by the relay: carry on as a handler would, still late
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.containsKey("a") && runs.containsKey("b"));
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get("hang").get() == 2 && count() == 0);
        } finally {
            release.countDown();
        }
        assertThat(runs.get("a")).hasValue(1);
        assertThat(runs.get("b")).hasValue(1);
        assertThat(status(hung)).as("delivered by its second attempt").isNull();
    }

    @Test
    void anInstanceTakesBackAtOnceTheRowsItHeldWhenItDied() throws Exception {
        insert("a");
        insert("b");
        OffsetDateTime now = OutboxStore.now();
        assertThat(store.claim(10, now, now.plusMinutes(5), "node-1")).hasSize(2); // then it died

        start("node-2", settings(Duration.ofMinutes(5), Duration.ofSeconds(10)), intent -> {
        });
        Thread.sleep(300);
        assertThat(runs).as("another instance waits for the lease").isEmpty();

        start("node-1", settings(Duration.ofMinutes(5), Duration.ofSeconds(10)), intent -> {
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 2 && count() == 0);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void aPoolRunsAtMostItsSizeOfRowsWhoseOutcomeIsNotRecorded() throws Exception {
        for (int i = 0; i < 30; i++) {
            insert("row-" + i);
        }
        AtomicInteger unrecorded = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        try {
            OutboxRelay relay = new OutboxRelay(store, "node-1", intent -> {
                runs.computeIfAbsent((String) intent.args().get(0), ignored -> new AtomicInteger()).incrementAndGet();
                most.accumulateAndGet(unrecorded.incrementAndGet(), Math::max);
                sleep(20);
            }, false, Lanes.onPool(3, pool::execute), RowTransaction.NONE,
                    settings(Duration.ofMinutes(5), Duration.ofSeconds(10)));
            relay.signals(new RelaySignals() {
                @Override
                public void delivered(String task, long nanos) {
                    unrecorded.decrementAndGet();
                }
            });
            relays.add(relay);
            relay.start("pool-relay");
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.size() == 30 && count() == 0);
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).as("rows started and not yet recorded, at most").isBetween(1, 3);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    private void start(String owner, OutboxRelay.Settings settings, IntentExecutor handler) {
        OutboxRelay relay = new OutboxRelay(store, owner, intent -> {
            runs.computeIfAbsent((String) intent.args().get(0), ignored -> new AtomicInteger()).incrementAndGet();
            handler.dispatch(intent);
        }, false, Lanes.dedicated(owner + "-handler"), RowTransaction.NONE, settings);
        relays.add(relay);
        relay.start(owner);
    }

    private static OutboxRelay.Settings settings(Duration lease, Duration handlerTimeout) {
        return new OutboxRelay.Settings(10, Duration.ofMillis(50), 5, Duration.ofMillis(50), Duration.ofMillis(100),
                lease, Duration.ZERO, handlerTimeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private UUID insert(String value) throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OutboxStore.now();
        store.insert(id, "ship", "[\"" + value + "\"]", "{}", null, now, now);
        return id;
    }

    private long count() throws SQLException {
        return store.count(OutboxEntry.PENDING);
    }

    /** Status, owner and attempts of a row; null once it is gone. */
    private String status(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT status, owner, attempts FROM airlock_outbox WHERE id = '" + id + "'")) {
            return result.next() ? result.getString(1) + " " + result.getString(2) + " " + result.getInt(3) : null;
        }
    }
}
