package io.quarkiverse.airlock.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.IntentExecutor;

/**
 * When the table cannot be reached while the relay records the outcomes of a batch, nothing is lost and no row that
 * was delivered runs again: the outcomes are kept and written before the next claim.
 */
class OutboxRelayOutcomeTest {

    /** SQL that starts with this prefix fails while it is set. */
    private final AtomicReference<String> failing = new AtomicReference<>();
    private final List<String> dispatched = new CopyOnWriteArrayList<>();
    private final List<String> poisoned = new CopyOnWriteArrayList<>();
    private DataSource dataSource;
    private OutboxStore store;
    private OutboxRelay relay;

    @BeforeEach
    void setUp() throws SQLException {
        dataSource = failingOn(FreshH2.database("relay-outcome", ""));
        store = new OutboxStore(dataSource, "airlock_outbox");
        new OutboxSchema(store).create();
        IntentExecutor executor = intent -> {
            String order = String.valueOf(intent.args().get(0));
            dispatched.add(order);
            if (poisoned.contains(order)) {
                throw new IllegalStateException("cannot ship " + order);
            }
        };
        relay = new OutboxRelay(store, "relay-1", executor, false, Lanes.dedicated("relay-1"), RowTransaction.NONE,
                new OutboxRelay.Settings(10, Duration.ofSeconds(1), 5, Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMinutes(5), Duration.ZERO, Duration.ofMinutes(1)));
    }

    @Test
    void failureThatCannotBeRecordedStopsTheBatchUntilItIsRecorded() throws Exception {
        insert("a");
        insert("b");
        insert("c");
        poisoned.add("b");

        failing.set("UPDATE airlock_outbox SET status");
        assertThatThrownBy(relay::drainOnce).isInstanceOf(SQLException.class);
        assertThat(dispatched).as("c waits: a crash now would replay b alone").containsExactly("a", "b");
        assertThat(rows()).as("a was recorded as it finished").containsOnlyKeys("b", "c");
        assertThat(rows().get("b")).as("not yet recorded").isEqualTo("PENDING 1 null");

        failing.set(null);
        assertThat(relay.drainOnce()).as("the rest of the batch: c").isEqualTo(1);
        assertThat(rows()).containsOnlyKeys("b");
        assertThat(rows().get("b")).isEqualTo("PENDING 1 java.lang.IllegalStateException: cannot ship b");

        poisoned.clear();
        Thread.sleep(450);
        assertThat(relay.drainOnce()).isEqualTo(1);
        assertThat(rows()).isEmpty();
        assertThat(dispatched).containsExactly("a", "b", "c", "b");
    }

    @Test
    void deliveryThatCannotBeRecordedIsRecordedBeforeAnythingElseRuns() throws Exception {
        insert("a");
        insert("b");

        failing.set("DELETE FROM airlock_outbox");
        assertThatThrownBy(relay::drainOnce).isInstanceOf(SQLException.class);
        assertThat(rows()).containsOnlyKeys("a", "b");
        insert("c");
        assertThatThrownBy(relay::drainOnce).as("nothing else runs while the outcome waits")
                .isInstanceOf(SQLException.class);
        assertThat(dispatched).containsExactly("a");

        failing.set(null);
        assertThat(relay.drainOnce()).as("the rest of the batch").isEqualTo(1);
        assertThat(relay.drainOnce()).isEqualTo(1);
        assertThat(rows()).isEmpty();
        assertThat(dispatched).as("each row ran once").containsExactly("a", "b", "c");
    }

    private void insert(String order) throws SQLException {
        OffsetDateTime now = OutboxStore.now();
        store.insert(UUID.randomUUID(), "ship", "[\"" + order + "\"]", "{}", null, now, now);
    }

    /** Row by its order: status, attempts and last error. */
    private Map<String, String> rows() throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT args, status, attempts, last_error FROM airlock_outbox")) {
            while (result.next()) {
                String order = result.getString(1).replace("[\"", "").replace("\"]", "");
                rows.put(order, result.getString(2) + " " + result.getInt(3) + " " + result.getString(4));
            }
        }
        return rows;
    }

    /** A data source whose statements fail while their SQL starts with {@link #failing}. */
    private DataSource failingOn(DataSource target) {
        return WatchedDataSource.of(target, sql -> {
            String prefix = failing.get();
            if (prefix != null && sql.startsWith(prefix)) {
                throw new SQLException("connection lost (" + prefix + ")");
            }
        });
    }
}
