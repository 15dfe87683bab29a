package it.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;

/**
 * Another application's view of the queue bound to the routing key "audit": it sees the RabbitMQ properties Airlock
 * set, not Airlock's types.
 */
@ApplicationScoped
public class AuditQueue {

    private final List<IncomingRabbitMQMetadata> received = new CopyOnWriteArrayList<>();
    private final List<String> payloads = new CopyOnWriteArrayList<>();

    @Incoming("audit-in")
    CompletionStage<Void> receive(Message<Object> message) {
        message.getMetadata(IncomingRabbitMQMetadata.class).ifPresent(received::add);
        payloads.add(String.valueOf(message.getPayload()));
        return message.ack();
    }

    public List<IncomingRabbitMQMetadata> received() {
        return received;
    }

    public List<String> payloads() {
        return payloads;
    }
}
