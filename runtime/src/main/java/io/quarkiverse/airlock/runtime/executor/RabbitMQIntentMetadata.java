package io.quarkiverse.airlock.runtime.executor;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Intent;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;

/**
 * RabbitMQ: the message id is the intent id, the task name and origin are headers, the payload is persistent JSON;
 * the options {@code routing-key} and {@code priority} become the routing key and the priority of the message.
 * Without a {@code routing-key} option the channel's configured default routing key applies.
 */
@Singleton
public class RabbitMQIntentMetadata implements IntentMetadataMapper {

    /** Option: the routing key of the message. */
    public static final String ROUTING_KEY = "routing-key";
    /** Option: the priority of the message (0-255; the queue must declare a maximum priority). */
    public static final String PRIORITY = "priority";

    private static final int PERSISTENT = 2;

    @Override
    public Object metadata(Intent intent, String id) {
        OutgoingRabbitMQMetadata.Builder metadata = new OutgoingRabbitMQMetadata.Builder()
                .withMessageId(id)
                .withContentType("application/json")
                .withDeliveryMode(PERSISTENT)
                .withHeader(TASK_HEADER, intent.name());
        intent.origin().ifPresent(origin -> metadata.withHeader(ORIGIN_HEADER, origin));
        Object routingKey = intent.options().get(ROUTING_KEY);
        if (routingKey != null) {
            metadata.withRoutingKey(String.valueOf(routingKey));
        }
        Object priority = intent.options().get(PRIORITY);
        if (priority != null) {
            metadata.withPriority(priority(intent, priority));
        }
        return metadata.build();
    }

    private static int priority(Intent intent, Object priority) {
        try {
            return priority instanceof Number ? ((Number) priority).intValue() : Integer.parseInt(priority.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option '" + PRIORITY + "' of " + intent + " must be a number, got: "
                    + priority, e);
        }
    }
}
