package io.quarkiverse.airlock.runtime.executor;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Singleton;

import org.apache.kafka.common.header.internals.RecordHeader;

import io.quarkiverse.airlock.Intent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Kafka: the task name, the intent id and the origin are record headers; the options {@code key} and
 * {@code partition} become the record key (so a key's intents stay in order on one partition) and the partition. An
 * intent's ordering key is its record key when it has no {@code key} option.
 */
@Singleton
public class KafkaIntentMetadata implements IntentMetadataMapper {

    /** Option: the record key; it must suit the channel's key serializer. */
    public static final String KEY = "key";
    /** Option: the partition (a number). */
    public static final String PARTITION = "partition";
    /** Header carrying the intent id (Kafka records have no message id). */
    public static final String ID_HEADER = "airlock-id";

    @Override
    public Object metadata(Intent intent, String id) {
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<Object> metadata = new OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<>();
        metadata.addHeaders(header(TASK_HEADER, intent.name()), header(ID_HEADER, id));
        intent.origin().ifPresent(origin -> metadata.addHeaders(header(ORIGIN_HEADER, origin)));
        Object key = intent.options().get(KEY);
        if (key == null) {
            key = intent.orderingKeyOrNull();
        }
        if (key != null) {
            metadata.withKey(key);
        }
        Object partition = intent.options().get(PARTITION);
        if (partition != null) {
            try {
                metadata.withPartition(partition instanceof Number ? ((Number) partition).intValue()
                        : Integer.parseInt(partition.toString()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Option '" + PARTITION + "' of " + intent + " must be a number, got: "
                        + partition, e);
            }
        }
        return metadata.build();
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
