package it.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;

/**
 * Intents flushed by a scope travel through the exchange "airlock" of a real RabbitMQ broker and are handled by the
 * {@code @AirlockTask} handler at the other end (the shared tests); dispatch options become RabbitMQ message properties.
 */
@QuarkusTest
class RoundTripTest extends AbstractRoundTripTest {

    @Inject
    AuditQueue audit;

    @Test
    void optionsBecomeRabbitMQProperties() {
        // tag::options[]
        Airlock.scope(s -> Airlock.intent("shop.ship").args("order-9", 4).origin("POST /orders")
                .option("routing-key", "audit").option("message-id", "audit-9").enqueue());
        // end::options[]

        await().atMost(Duration.ofSeconds(30)).until(() -> !audit.received().isEmpty());
        IncomingRabbitMQMetadata metadata = audit.received().get(0);
        assertThat(metadata.getRoutingKey()).isEqualTo("audit");
        assertThat(metadata.getMessageId()).contains("audit-9");
        assertThat(metadata.getContentType()).contains("application/json");
        assertThat(metadata.getDeliveryMode()).contains(2);
        assertThat(String.valueOf(metadata.getHeaders().get("airlock-task"))).isEqualTo("shop.ship");
        assertThat(String.valueOf(metadata.getHeaders().get("airlock-origin"))).isEqualTo("POST /orders");
        assertThat(audit.payloads().get(0)).contains("\"task\":\"shop.ship\"", "\"args\":[\"order-9\",4]");

        // the routing key sent it to the audit queue only, not to the shop's
        Airlock.scope(s -> Airlock.enqueue("shop.ship", "after-audit", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.handled().contains("after-audit x1"));
        assertThat(deliveries.handled()).containsExactly("after-audit x1");
    }
}
