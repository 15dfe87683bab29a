package it.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;

/** The tap on RabbitMQ: a second queue bound to the shop's routing key; the id is the message id property. */
@ApplicationScoped
public class RabbitMQTap extends Tap {

    @Incoming("tap-in")
    CompletionStage<Void> receive(Message<Object> message) {
        record(message.getMetadata(IncomingRabbitMQMetadata.class)
                .flatMap(IncomingRabbitMQMetadata::getMessageId).orElse("none"));
        return message.ack();
    }
}
