package it.outbox;

import static it.outbox.PackagedApp.count;
import static it.outbox.PackagedApp.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relay is killed with SIGKILL in the middle of a batch, three times, then restarted under the same instance id.
 * A kill replays at most the rows whose handlers were running: one with the sync delivery, one per lane with the worker
 * delivery, where outcomes of rows whose handlers wrote nothing are recorded together across lanes. The restarted
 * relay takes those rows back at once instead of waiting out their five-minute lease, and a handler's own database
 * writes, made in the transaction that marks its row done, never duplicate.
 */
class CrashReplayIT {

    private static final int ROWS = 300;
    private static final int KILLS = 3;

    /**
     * A packaged application: the module's own ({@code sync} delivery) or the one built with
     * {@code quarkus.airlock.outbox.delivery=worker} (see the pom), run with four lanes.
     */
    record Delivery(String name, String jarProperty, int lanes) {

        Path jar() {
            return Path.of(System.getProperty(jarProperty));
        }

        String[] relayProperties(Path journal) {
            return new String[] { "-Dquarkus.airlock.outbox.instance-id=crash-node", "-Dshop.journal=" + journal,
                    "-Dquarkus.airlock.outbox.worker-concurrency=" + lanes };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Delivery> deliveries() {
        return Stream.of(new Delivery("sync", "app.jar", 1), new Delivery("worker", "worker.app.jar", 4));
    }

    @ParameterizedTest
    @MethodSource("deliveries")
    void aKillMidBatchReplaysAtMostTheRunningRowsAndTheirDatabaseWritesNeverDuplicate(Delivery delivery)
            throws Exception {
        execute("DROP TABLE IF EXISTS airlock_outbox");
        execute("DROP TABLE IF EXISTS shipments");
        execute("DROP TABLE IF EXISTS orders");
        Path journal = Files.createTempFile("airlock-crash-journal", ".txt");

        // the schema and the shop's tables, then a backlog written straight into the table: half the rows write a
        // shipment, half only note that they ran
        Process first = PackagedApp.start(delivery.jar(), line -> {
        }, "-Dquarkus.airlock.outbox.relay-enabled=false");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> tableExists("shipments") && tableExists("airlock_outbox"));
        } finally {
            PackagedApp.kill(first);
        }
        execute(TestDatabase.current().insertDueRows("airlock_outbox", "journaledShip", ROWS / 2));
        execute(TestDatabase.current().insertDueRows("airlock_outbox", "journaledNotice", ROWS / 2));

        String[] relay = delivery.relayProperties(journal);
        for (int kill = 1; kill <= KILLS; kill++) {
            long startedBefore = lines(journal).size();
            Process process = PackagedApp.start(delivery.jar(), line -> {
            }, relay);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> lines(journal).size() >= startedBefore + 40);
            } finally {
                PackagedApp.kill(process);
            }
        }
        Process last = PackagedApp.start(delivery.jar(), line -> {
        }, relay);
        try {
            // far less than the five-minute lease of the rows the kills left claimed
            await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM airlock_outbox") == 0);
        } finally {
            last.destroy();
            last.waitFor();
        }

        Map<String, Long> startsByRow = lines(journal).stream()
                .collect(Collectors.groupingBy(line -> line.split(" ")[0], Collectors.counting()));
        assertThat(startsByRow).as("every row ran").hasSize(ROWS);
        long replayed = startsByRow.values().stream().filter(starts -> starts > 1).count();
        System.out.printf("Outbox crash replay (%s delivery): %d kill(s) mid-batch replayed %d row(s) of %d%n",
                delivery, KILLS, replayed, ROWS);
        assertThat(replayed).as("at most the running row of each lane per kill")
                .isLessThanOrEqualTo((long) KILLS * delivery.lanes);
        assertThat(startsByRow.values()).as("no row ran more than twice").allMatch(starts -> starts <= 2);
        assertThat(count("SELECT COUNT(*) FROM shipments")).as("the handler's writes: exactly once").isEqualTo(ROWS / 2);
        assertThat(count("SELECT COUNT(DISTINCT order_id) FROM shipments")).isEqualTo(ROWS / 2);
    }

    private static List<String> lines(Path journal) throws Exception {
        return Files.readAllLines(journal).stream().filter(line -> !line.isBlank()).toList();
    }

    private static boolean tableExists(String table) {
        try {
            return count(TestDatabase.current().countTables(table)) == 1;
        } catch (Exception e) {
            return false;
        }
    }

}
