package it.outbox;

import static it.outbox.PackagedApp.count;
import static it.outbox.PackagedApp.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged application start at the same moment against a database without the outbox table,
 * both with {@code create-schema=true}, three times over: both start every time, and the table is there once. Without
 * the lock they create it under (PostgreSQL's advisory lock, MariaDB's named lock) one of them dies, on PostgreSQL on a
 * duplicate catalog entry ({@code pg_type_typname_nsp_index}).
 */
class ConcurrentStartIT {

    private static final TestDatabase DATABASE = TestDatabase.current();

    @Test
    void twoInstancesCreatingTheSchemaAtOnceBothStart() throws Exception {
        for (int round = 1; round <= 3; round++) {
            execute("DROP TABLE IF EXISTS airlock_outbox");
            List<String> started = new CopyOnWriteArrayList<>();
            List<String> failed = new CopyOnWriteArrayList<>();
            List<Process> instances;
            // a creation of the same table held open makes both instances wait at the same point, then race when it
            // rolls back: left to chance, two JVMs rarely reach their DDL within the same milliseconds
            try (Connection blocker = DriverManager.getConnection(PackagedApp.URL, "airlock", "airlock")) {
                DATABASE.holdSchemaCreation(blocker);
                instances = List.of(start("a", started, failed), start("b", started, failed));
                await().atMost(Duration.ofSeconds(60)).until(() -> waitingForLocks() >= 2
                        || instances.stream().anyMatch(process -> !process.isAlive()));
                DATABASE.releaseSchemaCreation(blocker);
            }
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> started.size() + failed.size() == 2
                        || instances.stream().anyMatch(process -> !process.isAlive()));
                assertThat(failed).as("round %d: start-up failures", round).isEmpty();
                assertThat(instances).allMatch(Process::isAlive);
                assertThat(started).containsExactlyInAnyOrder("a", "b");
            } finally {
                for (Process process : instances) {
                    PackagedApp.kill(process);
                }
            }
            assertThat(count(DATABASE.countTables("airlock_outbox"))).isEqualTo(1);
            assertThat(count(DATABASE.countColumns("airlock_outbox", "owner"))).isEqualTo(1);
        }
    }

    /** Sessions of the test database waiting for a lock: the two instances, once both reached their DDL. */
    private static long waitingForLocks() throws Exception {
        return count(DATABASE.waitingForLocks());
    }

    private static Process start(String name, List<String> started, List<String> failed) throws Exception {
        return PackagedApp.start(line -> {
            if (line.contains("Installed features")) {
                started.add(name);
            } else if (line.contains("Failed to start application")) {
                failed.add(name + ": " + line);
            }
        }, "-Dquarkus.airlock.outbox.instance-id=" + name, "-Dquarkus.http.port=0");
    }
}
