package it.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Controls the local RabbitMQ node of .ci/services/rabbitmq.sh with rabbitmqctl: stopping the application closes
 * every connection and refuses new ones, as a broker outage does, while the node and its durable queues survive.
 */
final class Broker {

    private Broker() {
    }

    static void stop() {
        run("rabbitmqctl", "stop_app");
    }

    static void start() {
        run("rabbitmqctl", "start_app");
        run("rabbitmqctl", "await_startup");
    }

    /** Messages in {@code queue} that are ready or delivered but not yet acknowledged. */
    static int pending(String queue) {
        String out = run("rabbitmqctl", "-q", "list_queues", "name", "messages_ready", "messages_unacknowledged");
        for (String line : out.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 3 && columns[0].equals(queue)) {
                return Integer.parseInt(columns[1]) + Integer.parseInt(columns[2]);
            }
        }
        throw new AssertionError("no queue " + queue + " in: " + out);
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError("rabbitmqctl is not available; run .ci/services/rabbitmq.sh first", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
