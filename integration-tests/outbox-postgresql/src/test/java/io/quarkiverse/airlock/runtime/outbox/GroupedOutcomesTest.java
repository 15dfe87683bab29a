package io.quarkiverse.airlock.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.OutboxEntry;

/**
 * On the real database (PostgreSQL names a whole claim or group of outcomes in one statement, MariaDB in a batch of
 * one per row): a claim takes every row it selected, and a group of deliveries recorded at once records each row this
 * relay still holds and only those.
 */
class GroupedOutcomesTest {

    private static final String TABLE = "airlock_outbox_grouped";
    private static final String OWNER = "relay-1";

    private OutboxStore store;

    @BeforeEach
    void createTable() throws SQLException {
        dropTable();
        store = new OutboxStore(dataSource(), TABLE);
        new OutboxSchema(store).create();
    }

    @AfterEach
    void dropTable() throws SQLException {
        execute("DROP TABLE IF EXISTS " + TABLE + "_key");
        execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void aGroupRecordsTheRowsThisRelayStillHoldsAndLeavesTheOthers() throws SQLException {
        List<ClaimedRow> rows = claim(4);
        assertThat(store.count(OutboxEntry.PENDING)).isEqualTo(4);
        execute("UPDATE " + TABLE + " SET owner = 'relay-2' WHERE id = '" + rows.get(1).id() + "'");
        // claimed again since: this relay's claim of it, one attempt ago, is over
        execute("UPDATE " + TABLE + " SET attempts = attempts + 1 WHERE id = '" + rows.get(2).id() + "'");

        boolean[] ours = store.delivered(rows, OWNER, null);

        assertThat(ours).containsExactly(true, false, false, true);
        assertThat(store.find(rows.get(0).id())).isEmpty();
        assertThat(store.find(rows.get(1).id())).isPresent();
        assertThat(store.find(rows.get(2).id())).isPresent();
        assertThat(store.find(rows.get(3).id())).isEmpty();
    }

    @Test
    void withARetentionTheGroupsRowsAreKeptAsDoneUntilItEnds() throws SQLException {
        List<ClaimedRow> rows = claim(3);
        OffsetDateTime purgeAt = OutboxStore.now().plusHours(1);

        assertThat(store.delivered(rows, OWNER, purgeAt)).containsExactly(true, true, true);

        assertThat(store.count(OutboxEntry.DONE)).isEqualTo(3);
        for (ClaimedRow row : rows) {
            OutboxEntry done = store.find(row.id()).orElseThrow();
            assertThat(done.nextAttemptAt()).isAfter(purgeAt.minusSeconds(1));
        }
    }

    /** Writes {@code count} due rows and claims them all for {@link #OWNER}. */
    private List<ClaimedRow> claim(int count) throws SQLException {
        OffsetDateTime now = OutboxStore.now();
        for (int i = 0; i < count; i++) {
            store.insert(UUID.randomUUID(), "ship", "[" + i + "]", "{}", null, now.minusSeconds(count - i), now);
        }
        List<ClaimedRow> rows = store.claim(count, now, now.plusMinutes(5), OWNER);
        assertThat(rows).hasSize(count).allSatisfy(row -> assertThat(row.attempt()).isEqualTo(1));
        assertThat(store.claim(count, now, now.plusMinutes(5), "relay-2")).as("all of them taken").isEmpty();
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The test database (see the build's {@code airlock.it.jdbc-url}), a connection per call. */
    private static DataSource dataSource() {
        String url = System.getProperty("airlock.it.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/airlock");
        return (DataSource) Proxy.newProxyInstance(GroupedOutcomesTest.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return DriverManager.getConnection(url, "airlock", "airlock");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
