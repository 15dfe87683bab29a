package it.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;

/**
 * A second queue bound to the shop's routing key: it receives a copy of every message the shop's queue receives, and
 * records the message ids as the broker delivered them, duplicates included (Airlock's consumer drops those).
 */
@ApplicationScoped
public class Tap {

    private final List<String> messageIds = new CopyOnWriteArrayList<>();

    @Incoming("tap-in")
    CompletionStage<Void> receive(Message<Object> message) {
        messageIds.add(message.getMetadata(IncomingRabbitMQMetadata.class)
                .flatMap(IncomingRabbitMQMetadata::getMessageId).orElse("none"));
        return message.ack();
    }

    public List<String> messageIds() {
        return messageIds;
    }

    public void clear() {
        messageIds.clear();
    }
}
