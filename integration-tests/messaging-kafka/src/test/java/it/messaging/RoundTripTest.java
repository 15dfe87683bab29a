package it.messaging;

import static it.messaging.KafkaTap.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Intents flushed by a scope travel through the topic "airlock-shop" of a real Kafka broker and are handled by the
 * {@code @AirlockTask} handler at the other end (the shared tests); dispatch options become the record's key and
 * partition, the task and ids its headers; what Airlock's consumer cannot handle goes to the dead-letter topic.
 */
@QuarkusTest
class RoundTripTest extends AbstractRoundTripTest {

    @Inject
    KafkaTap tap;

    @Inject
    DeadLetters deadLetters;

    @Test
    void optionsBecomeKafkaKeyPartitionAndHeaders() {
        tap.clear();
        Airlock.scope(s -> Airlock.intent("shop.ship").args("order-9", 4).origin("POST /orders")
                .option("key", "order-9").option("partition", 0).option("message-id", "kafka-9").enqueue());

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.handled().contains("order-9 x4")
                && tap.messageIds().contains("kafka-9"));
        IncomingKafkaRecordMetadata<?, ?> metadata = tap.records().get(tap.messageIds().indexOf("kafka-9"));
        assertThat(metadata.getTopic()).isEqualTo("airlock-shop");
        assertThat(metadata.getKey()).isEqualTo("order-9");
        assertThat(metadata.getPartition()).isZero();
        assertThat(header(metadata, "airlock-task")).isEqualTo("shop.ship");
        assertThat(header(metadata, "airlock-id")).isEqualTo("kafka-9");
        assertThat(header(metadata, "airlock-origin")).isEqualTo("POST /orders");
    }

    @Test
    void intentsWithOneKeyAreHandledInOrder() {
        List<String> sent = IntStream.rangeClosed(1, 20).mapToObj(i -> "keyed-" + i + " x1").toList();
        Airlock.scope(s -> IntStream.rangeClosed(1, 20)
                .forEach(i -> Airlock.intent("shop.ship").args("keyed-" + i, 1).option("key", "customer-7").enqueue()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.handled().size() == sent.size());
        assertThat(deliveries.handled()).containsExactlyElementsOf(sent);
    }

    @Test
    void whatTheConsumerCannotHandleGoesToTheDeadLetterTopic() {
        Airlock.scope(s -> {
            Airlock.enqueue("shop.fail", "dead-1");
            Airlock.enqueue("shop.unknown", "dead-2");
            Airlock.enqueue("shop.ship", "alive", 1);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.handled().contains("alive x1")
                && letter("dead-1") != null && letter("dead-2") != null);
        DeadLetters.Letter failed = letter("dead-1");
        assertThat(header(failed.metadata(), "airlock-task")).isEqualTo("shop.fail");
        assertThat(header(failed.metadata(), "dead-letter-reason")).contains("shop.fail refuses dead-1");
        assertThat(header(failed.metadata(), "dead-letter-topic")).isEqualTo("airlock-shop");
        assertThat(header(letter("dead-2").metadata(), "dead-letter-reason")).contains("shop.unknown");
    }

    private DeadLetters.Letter letter(String order) {
        return deadLetters.letters().stream().filter(letter -> letter.payload().contains("\"" + order + "\""))
                .reduce((first, last) -> last).orElse(null);
    }
}
