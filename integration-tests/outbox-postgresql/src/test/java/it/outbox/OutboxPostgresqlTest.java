package it.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.DeadLetterFilter;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkiverse.airlock.runtime.outbox.Lanes;
import io.quarkiverse.airlock.runtime.outbox.OutboxRelay;
import io.quarkiverse.airlock.runtime.outbox.OutboxSchema;
import io.quarkiverse.airlock.runtime.outbox.OutboxStore;
import io.quarkiverse.airlock.runtime.outbox.RowTransaction;
import io.quarkiverse.airlock.spi.SyncExecutor;
import io.quarkiverse.airlock.test.outbox.OutboxContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox on a real PostgreSQL: the {@link OutboxContract}, dead letters found and discarded by filter, and two
 * relays sharing the table through {@code FOR UPDATE SKIP LOCKED}. Run on MariaDB too
 * (integration-tests/outbox-mariadb): the SQL that differs comes from {@link TestDatabase}.
 */
@QuarkusTest
class OutboxPostgresqlTest extends OutboxContract {

    private static final TestDatabase DATABASE = TestDatabase.current();

    @Inject
    Orders orders;

    @Override
    protected List<Integer> shipAttempts(long orderId) throws SQLException {
        List<Integer> attempts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT attempt FROM shipments WHERE order_id = ? ORDER BY attempt")) {
            statement.setLong(1, orderId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    attempts.add(result.getInt(1));
                }
            }
        }
        return attempts;
    }

    @Override
    protected void resetApplication() throws SQLException {
        execute("DELETE FROM airlock_outbox_key");
        execute("DELETE FROM shipments");
        execute("DELETE FROM orders");
        Shipping.COUNTED.clear();
        Shipping.COUNTED_BY_THREAD.clear();
        Shipping.POISON_ATTEMPTS.clear();
        Shipping.ORDERED.clear();
        Shipping.OVERLAPPING.clear();
        Shipping.ORDERED_BY_THREAD.clear();
    }

    @Test
    @Override
    protected void rollbackLeavesNoRow() throws Exception {
        super.rollbackLeavesNoRow();

        assertThat(count("SELECT COUNT(*) FROM orders")).as("nor the order").isZero();
    }

    @Test
    void deadLettersAreFoundAndDiscardedByFilter() throws SQLException {
        orders.placeWithPoison(3);

        OutboxEntry dead = deadLetter();
        assertThat(dead.lastError()).contains("cannot ship order 3");
        assertThat(Shipping.POISON_ATTEMPTS.get("order 3")).hasValue(3);

        // operators act on dead letters by filter, a chunk at a time
        assertThat(outbox.deadLetters(DeadLetterFilter.task("ship"), 10)).isEmpty();
        assertThat(outbox.deadLetters(DeadLetterFilter.task("poison").andOlderThan(Duration.ZERO), 10))
                .extracting(OutboxEntry::id).containsExactly(dead.id());
        assertThat(outbox.discard(DeadLetterFilter.task("poison"))).isEqualTo(1);
        assertThat(outbox.deadLetters(10)).isEmpty();
    }

    @Test
    void twoRelaysDrainTenThousandRowsWithNoDuplicateAndNoLoss() throws Exception {
        int total = 10_000;
        OutboxRelay second = startSecondRelay();
        try {
            // a backlog: written due in an hour, so no relay takes any of it while it is written
            for (int from = 0; from < total; from += 1000) {
                orders.enqueueCounted(from, 1000, Duration.ofHours(1));
            }
            assertThat(count("SELECT COUNT(*) FROM airlock_outbox WHERE status = 'PENDING'")).isEqualTo(total);
            assertThat(Shipping.COUNTED).as("not due yet").isEmpty();

            long start = System.nanoTime();
            execute(DATABASE.makeDue("airlock_outbox"));
            second.nudge();
            await().atMost(Duration.ofMinutes(3)).until(() -> Shipping.COUNTED.size() == total
                    && count("SELECT COUNT(*) FROM airlock_outbox") == 0);
            long drained = System.nanoTime();

            assertThat(Shipping.COUNTED.values()).allSatisfy(deliveries -> assertThat(deliveries).hasValue(1));
            assertThat(Shipping.COUNTED_BY_THREAD.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(total);
            assertThat(Shipping.COUNTED_BY_THREAD).containsKeys("airlock-outbox-handler", "second-relay");
            System.out.printf("Outbox on %s: a backlog of %d rows drained by two relays %s in %d ms (%.0f rows/s)%n",
                    DATABASE.displayName, total, Shipping.COUNTED_BY_THREAD, (drained - start) / 1_000_000,
                    total * 1e9 / (drained - start));
        } finally {
            second.stop();
        }
    }

    @Test
    void twoRelaysDeliverTheIntentsOfEachKeyOneAtATimeInCommitOrder() throws Exception {
        int keys = 50;
        int perKey = 200;
        OutboxRelay second = startSecondRelay();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            // four writers, each committing the intents of its keys one after the other, interleaved with the other
            // writers' keys, while both relays deliver: a key's commit order is its intents' numbering
            List<Future<?>> written = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int first = writer;
                written.add(writers.submit(() -> {
                    for (int n = 0; n < perKey; n++) {
                        for (int key = first; key < keys; key += 4) {
                            orders.enqueueOrdered("customer-" + key, n);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writing : written) {
                writing.get(5, TimeUnit.MINUTES);
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> Shipping.ORDERED.values().stream()
                    .mapToInt(List::size).sum() >= keys * perKey && count("SELECT COUNT(*) FROM airlock_outbox") == 0);
            System.out.printf("Outbox on %s: %d keys x %d intents, one transaction each, committed by four writers and"
                    + " delivered in key order by two relays %s in %d ms%n", DATABASE.displayName, keys, perKey,
                    Shipping.ORDERED_BY_THREAD, (System.nanoTime() - start) / 1_000_000);
        } finally {
            writers.shutdownNow();
            second.stop();
        }
        List<Integer> inOrder = IntStream.range(0, perKey).boxed().toList();
        assertThat(Shipping.ORDERED).hasSize(keys);
        assertThat(Shipping.ORDERED.values()).as("every key's intents, each once, in commit order")
                .allSatisfy(delivered -> assertThat(delivered).isEqualTo(inOrder));
        assertThat(Shipping.OVERLAPPING).as("never two intents of one key at a time").isEmpty();
        assertThat(Shipping.ORDERED_BY_THREAD).as("both relays took part")
                .containsKeys("airlock-outbox-handler", "second-relay");
        assertThat(count("SELECT COUNT(*) FROM airlock_outbox_key")).as("no key left behind").isZero();
    }

    @Test
    void twoRelaysWhoseHandlersOutlastTheLeaseRunEveryRowOnce() throws Exception {
        // a table of their own, so that the application's relay stays out of it
        OutboxStore table = new OutboxStore(dataSource, "airlock_outbox_lease");
        execute("DROP TABLE IF EXISTS airlock_outbox_lease");
        new OutboxSchema(table).create();
        int total = 8;
        execute(DATABASE.insertDueRows("airlock_outbox_lease", "slow", total));
        Map<Object, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byRelay = new ConcurrentHashMap<>();
        IntentExecutor slow = intent -> {
            runs.computeIfAbsent(intent.args().get(0), ignored -> new AtomicInteger()).incrementAndGet();
            byRelay.computeIfAbsent(Thread.currentThread().getName(), ignored -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        // a 1 s lease, a batch of four rows of 1.5 s each: a lease that were not renewed would end four times over
        OutboxRelay.Settings settings = new OutboxRelay.Settings(4, Duration.ofMillis(100), 3, Duration.ofMillis(10),
                Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(30));
        List<OutboxRelay> relays = List.of(
                new OutboxRelay(table, "lease-1", slow, false, Lanes.dedicated("lease-1"), RowTransaction.NONE, settings),
                new OutboxRelay(table, "lease-2", slow, false, Lanes.dedicated("lease-2"), RowTransaction.NONE, settings));
        relays.forEach(relay -> relay.start(relay.owner() + "-relay"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.size() == total
                    && count("SELECT COUNT(*) FROM airlock_outbox_lease") == 0);
        } finally {
            relays.forEach(OutboxRelay::stop);
        }
        assertThat(runs.values()).as("each row ran once").allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(byRelay).as("both relays took part").containsOnlyKeys("lease-1", "lease-2");
    }

    @Test
    void everyClaimQueryReadsDueRowsInOrderFromTheIndex() throws SQLException {
        OutboxStore store = new OutboxStore(dataSource, "airlock_outbox");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String query : store.claimQueries()) {
                    assertThat(DATABASE.claimPlan(statement, query)).as(query).doesNotContainIgnoringCase("sort");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** A relay of its own next to the application's, sharing its table, with handlers in this process. */
    private OutboxRelay startSecondRelay() {
        OutboxRelay second = new OutboxRelay(new OutboxStore(dataSource, "airlock_outbox"), "second-relay",
                SyncExecutor.INSTANCE, true, Lanes.dedicated("second-relay"), RowTransaction.NONE,
                new OutboxRelay.Settings(100, Duration.ofMillis(100), 3, Duration.ofMillis(10), Duration.ofMillis(20),
                        Duration.ofMinutes(5), Duration.ZERO, Duration.ofMinutes(1)));
        second.start("second-relay");
        return second;
    }
}
