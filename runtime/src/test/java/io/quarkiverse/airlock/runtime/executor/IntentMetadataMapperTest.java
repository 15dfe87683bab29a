package io.quarkiverse.airlock.runtime.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;

/**
 * Dispatch options become connector metadata: RabbitMQ routing key, priority and message id; Kafka record key,
 * partition and headers. A malformed number names the option and the intent.
 */
class IntentMetadataMapperTest {

    @Test
    void rabbitMQ() {
        Intent intent = intent(Map.of("routing-key", "audit", "priority", "5"));

        OutgoingRabbitMQMetadata metadata = (OutgoingRabbitMQMetadata) new RabbitMQIntentMetadata().metadata(intent,
                "id-1");

        assertThat(metadata.getRoutingKey()).isEqualTo("audit");
        assertThat(metadata.getPriority()).isEqualTo(5);
        assertThat(metadata.getMessageId()).isEqualTo("id-1");
        assertThat(metadata.getContentType()).isEqualTo("application/json");
        assertThat(metadata.getHeaders()).containsEntry("airlock-task", "shop.ship")
                .containsEntry("airlock-origin", "POST /orders");
    }

    @Test
    void rabbitMQWithoutRoutingKeyLeavesTheChannelDefault() {
        OutgoingRabbitMQMetadata metadata = (OutgoingRabbitMQMetadata) new RabbitMQIntentMetadata()
                .metadata(intent(Map.of()), "id-1");

        assertThat(metadata.getRoutingKey()).isNull();
    }

    @Test
    void kafka() {
        Intent intent = intent(Map.of("key", "order-7", "partition", 2));

        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<Object> metadata = (OutgoingKafkaRecordMetadata<Object>) new KafkaIntentMetadata()
                .metadata(intent, "id-1");

        assertThat(metadata.getKey()).isEqualTo("order-7");
        assertThat(metadata.getPartition()).isEqualTo(2);
        assertThat(header(metadata, "airlock-task")).isEqualTo("shop.ship");
        assertThat(header(metadata, "airlock-id")).isEqualTo("id-1");
        assertThat(header(metadata, "airlock-origin")).isEqualTo("POST /orders");
    }

    @Test
    void kafkaRecordKeyIsTheOrderingKeyUnlessTheKeyOptionIsSet() {
        Intent keyed = Intent.restored("shop.ship", List.of(), Map.of(), null, null, "customer-7");
        Intent both = Intent.restored("shop.ship", List.of(), Map.of("key", "order-7"), null, null, "customer-7");

        assertThat(((OutgoingKafkaRecordMetadata<?>) new KafkaIntentMetadata().metadata(keyed, "id")).getKey())
                .isEqualTo("customer-7");
        assertThat(((OutgoingKafkaRecordMetadata<?>) new KafkaIntentMetadata().metadata(both, "id")).getKey())
                .isEqualTo("order-7");
    }

    @Test
    void malformedNumbersNameTheOption() {
        assertThatThrownBy(() -> new RabbitMQIntentMetadata().metadata(intent(Map.of("priority", "high")), "id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'priority'", "shop.ship(\"order-7\")", "high");
        assertThatThrownBy(() -> new KafkaIntentMetadata().metadata(intent(Map.of("partition", "first")), "id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'partition'", "first");
    }

    private static String header(OutgoingKafkaRecordMetadata<?> metadata, String name) {
        Header header = metadata.getHeaders().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Intent intent(Map<String, Object> options) {
        AtomicReference<Intent> built = new AtomicReference<>();
        Airlock.scope(new DropAll(), s -> {
            var builder = Airlock.intent("shop.ship").args("order-7").origin("POST /orders");
            options.forEach(builder::option);
            built.set(builder.enqueue());
        });
        return built.get();
    }
}
