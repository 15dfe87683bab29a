package it.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The packaged application, in a JVM of its own, commits orders (each with its outbox row) and is killed with
 * SIGKILL before any of them is dispatched; after a restart every committed order is shipped exactly once.
 */
class KillAndRestartIT {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/airlock";

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
        Path jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(Files.exists(jar)).as("packaged application %s", jar).isTrue();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(List.of(properties));
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("committed order ")) {
                        lastCommitted.set(Long.parseLong(line.substring("committed order ".length()).trim()));
                    } else {
                        System.out.println("[app] " + line);
                    }
                }
            } catch (Exception ignored) {
                // the process died: that is the point
            }
        }, "app-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "airlock", "airlock");
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "airlock", "airlock");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
