package it.outbox;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The packaged shop in a JVM of its own, and the database it shares with the tests, for crash tests. */
final class PackagedApp {

    static final String URL = TestDatabase.current().url;

    private PackagedApp() {
    }

    /**
     * Starts the packaged application with {@code properties} (as {@code -Dname=value}); every line it prints goes to
     * {@code lines}, then to this JVM's output.
     */
    static Process start(Consumer<String> lines, String... properties) throws Exception {
        return start(Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")), lines, properties);
    }

    /** The same for another packaged build of the shop. */
    static Process start(Path jar, Consumer<String> lines, String... properties) throws Exception {
        assertThat(Files.exists(jar)).as("packaged application %s", jar).isTrue();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(List.of(TestDatabase.current().applicationProperties()));
        command.addAll(List.of(properties));
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    lines.accept(line);
                    System.out.println("[app " + process.pid() + "] " + line);
                }
            } catch (Exception ignored) {
                // the process died: that is the point
            }
        }, "app-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "airlock", "airlock");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "airlock", "airlock");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
