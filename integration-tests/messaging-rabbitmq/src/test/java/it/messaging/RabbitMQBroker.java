package it.messaging;

import static it.messaging.Broker.run;

import jakarta.inject.Singleton;

/**
 * Controls the local RabbitMQ node of .ci/services/rabbitmq.sh with rabbitmqctl: stopping the application closes
 * every connection and refuses new ones, as a broker outage does, while the node and its durable queues survive.
 */
@Singleton
public class RabbitMQBroker implements Broker {

    @Override
    public void stop() {
        run("rabbitmqctl", "stop_app");
    }

    @Override
    public void start() {
        run("rabbitmqctl", "start_app");
        run("rabbitmqctl", "await_startup");
    }

    @Override
    public boolean drained() {
        return pending("airlock-shop") == 0 && pending("airlock-tap") == 0;
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
}
