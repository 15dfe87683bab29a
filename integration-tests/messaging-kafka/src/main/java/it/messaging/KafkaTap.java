package it.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The tap on Kafka: a second consumer group on the shop's topic. A record has no message id: Airlock's is the header
 * {@code airlock-id}. It also keeps each record's metadata (key, partition, headers), as another application sees it.
 */
@ApplicationScoped
public class KafkaTap extends Tap {

    private final List<IncomingKafkaRecordMetadata<?, ?>> records = new CopyOnWriteArrayList<>();

    @Incoming("tap-in")
    CompletionStage<Void> receive(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow();
        records.add(metadata);
        record(header(metadata, "airlock-id"));
        return message.ack();
    }

    /** The value of the last header {@code name} of a record, or null. */
    public static String header(IncomingKafkaRecordMetadata<?, ?> metadata, String name) {
        Header header = metadata.getHeaders().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public List<IncomingKafkaRecordMetadata<?, ?>> records() {
        return records;
    }

    @Override
    public void clear() {
        super.clear();
        records.clear();
    }
}
