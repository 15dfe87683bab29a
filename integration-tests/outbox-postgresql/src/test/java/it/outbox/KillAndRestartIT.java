package it.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The packaged application, in a JVM of its own, commits orders (each with its outbox row) and is killed with
 * SIGKILL before any of them is dispatched; after a restart every committed order is shipped exactly once.
 */
class KillAndRestartIT {

    @Test
    void everyIntentCommittedBeforeAKillIsDeliveredOnceAfterTheRestart() throws Exception {
        execute("DROP TABLE IF EXISTS airlock_outbox");
        execute("DROP TABLE IF EXISTS shipments");
        execute("DROP TABLE IF EXISTS orders");

        // writes only: its relay is off, so every committed intent is still in the table when it dies
        AtomicLong lastCommitted = new AtomicLong();
        Process writer = start(lastCommitted, "-Dquarkus.airlock.outbox.relay-enabled=false",
                "-Dshop.place-forever=true");
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> lastCommitted.get() >= 200 || !writer.isAlive());
            assertThat(writer.isAlive()).as("the writer is still placing orders").isTrue();
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
            writer.waitFor();
        }
        long committed = count("SELECT COUNT(*) FROM orders");
        assertThat(committed).isGreaterThanOrEqualTo(lastCommitted.get());
        assertThat(count("SELECT COUNT(*) FROM airlock_outbox")).as("one row per committed order").isEqualTo(committed);
        assertThat(count("SELECT COUNT(*) FROM shipments")).isZero();

        Process relay = start(new AtomicLong());
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> count("SELECT COUNT(*) FROM airlock_outbox") == 0
                    && count("SELECT COUNT(*) FROM shipments") >= committed);
        } finally {
            relay.destroy();
            relay.waitFor();
        }
        assertThat(count("SELECT COUNT(*) FROM shipments")).as("no duplicate").isEqualTo(committed);
        assertThat(count("SELECT COUNT(DISTINCT order_id) FROM shipments")).isEqualTo(committed);
        assertThat(count("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS "
                + "(SELECT 1 FROM shipments s WHERE s.order_id = o.id)")).as("no loss").isZero();
    }

    private static Process start(AtomicLong lastCommitted, String... properties) throws Exception {
        return PackagedApp.start(line -> {
            if (line.startsWith("committed order ")) {
                lastCommitted.set(Long.parseLong(line.substring("committed order ".length()).trim()));
            }
        }, properties);
    }

    private static long count(String sql) throws SQLException {
        return PackagedApp.count(sql);
    }

    private static void execute(String sql) throws SQLException {
        PackagedApp.execute(sql);
    }
}
