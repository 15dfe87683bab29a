package it.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Reads the dead-letter topic of the shop's consumer, where the Kafka connector puts every record Airlock's consumer
 * could not handle, with the reason in its headers.
 */
@ApplicationScoped
public class DeadLetters {

    /** The dead-letter record and its payload: the intent, as it was sent. */
    public record Letter(IncomingKafkaRecordMetadata<?, ?> metadata, String payload) {
    }

    private final List<Letter> letters = new CopyOnWriteArrayList<>();

    @Incoming("dead-letters")
    CompletionStage<Void> receive(Message<String> message) {
        letters.add(new Letter(message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow(),
                message.getPayload()));
        return message.ack();
    }

    public List<Letter> letters() {
        return letters;
    }
}
