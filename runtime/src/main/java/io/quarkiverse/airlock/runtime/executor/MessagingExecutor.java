package io.quarkiverse.airlock.runtime.executor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.quarkiverse.airlock.AirlockException;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.OutboxDelivery;
import io.quarkiverse.airlock.UsageException;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.spi.BuiltinExecutor;
import io.quarkiverse.airlock.spi.ExecutorTraits;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Sends each intent as a JSON message to a Quarkus Messaging channel, one shared channel or one per task, so any
 * connector (Kafka, AMQP, RabbitMQ, Pulsar...) carries it to whichever application handles the task.
 * <p>
 * {@link #dispatch(Intent)} returns once the connector acknowledged the message (for RabbitMQ with publisher
 * confirms: once the broker has it) and throws when the message was refused or not acknowledged within
 * {@code quarkus.airlock.messaging.ack-timeout}, so a caller can retry it. On an event-loop thread, which must not
 * block, the send is not awaited and a refusal is logged. In-process actions cannot travel and run on the worker pool.
 */
@Singleton
public class MessagingExecutor implements BuiltinExecutor {

    /**
     * Option: the message id. Resending an intent with the same id lets consumers recognise the duplicate; without
     * it every dispatch gets a new random id.
     */
    public static final String MESSAGE_ID = "message-id";

    private final Instance<IntentChannels> channelsInstance;
    private volatile IntentChannels channels;
    private final List<IntentMetadataMapper> mappers;
    private final WorkerPoolExecutor actions;
    private final String channel;
    private final boolean channelPerTask;
    private final Duration ackTimeout;

    public MessagingExecutor(Instance<IntentChannels> channels, @All List<IntentMetadataMapper> mappers,
            WorkerPoolExecutor actions, AirlockConfig config) {
        // Quarkus Messaging connects emitters at start-up, after this executor is installed: resolve them lazily
        this.channelsInstance = channels;
        this.mappers = List.copyOf(mappers);
        this.actions = actions;
        this.channel = config.messaging().channel();
        this.channelPerTask = config.messaging().channelPerTask();
        this.ackTimeout = config.messaging().ackTimeout();
    }

    /** Per-task channels exist only for the application's own tasks; a shared channel may carry any task. */
    @Override
    public void checkEnqueued(Intent intent) {
        ArgumentJson.check(intent, "messaging");
    }

    @Override
    public ExecutorTraits traits() {
        return ExecutorTraits.IN_PROCESS.withLocalHandlerRequired(channelPerTask);
    }

    @Override
    public void dispatch(Intent intent) {
        if (intent.action().isPresent()) {
            actions.dispatch(intent);
            return;
        }
        Uni<Void> sent = send(intent, idOf(intent));
        if (!Infrastructure.canCallerThreadBeBlocked()) {
            sent.subscribe().with(ignored -> {
            }, failure -> DispatchFailures.report("messaging", intent, failure));
            return;
        }
        try {
            sent.await().atMost(ackTimeout);
        } catch (UsageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AirlockException("Airlock could not send " + intent + " to channel '" + channelOf(intent.name())
                    + "': " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code intent} with the message id {@code id}. The returned {@code Uni} completes when the connector
     * acknowledges the message and fails when it is refused; nothing is sent until it is subscribed to.
     */
    public Uni<Void> send(Intent intent, String id) {
        return Uni.createFrom().deferred(() -> {
            String name = channelOf(intent.name());
            MutinyEmitter<String> emitter = channels().emitter(name);
            if (emitter == null) {
                return Uni.createFrom().failure(new UsageException("Airlock has no messaging channel '" + name
                        + "' for task '" + intent.name() + "': per-task channels exist for the application's "
                        + "@AirlockTask methods only. Use one shared channel (quarkus.airlock.messaging.channel-per-task"
                        + "=false) to send tasks handled elsewhere."));
            }
            return emitter.sendMessage(message(intent, id));
        });
    }

    private IntentChannels channels() {
        IntentChannels resolved = channels;
        if (resolved == null) {
            resolved = channelsInstance.get();
            channels = resolved;
        }
        return resolved;
    }

    /** The outgoing channel of a task. */
    public String channelOf(String task) {
        return channelPerTask ? channel + "-" + task : channel;
    }

    private Message<String> message(Intent intent, String id) {
        Metadata metadata = Metadata.of(new AirlockIntentMetadata(intent.name(), id, intent.origin(), intent.options()));
        for (IntentMetadataMapper mapper : mappers) {
            Object connectorMetadata = mapper.metadata(intent, id);
            if (connectorMetadata != null) {
                metadata = metadata.with(connectorMetadata);
            }
        }
        return Message.of(IntentMessages.encode(intent, id), metadata);
    }

    /**
     * The option {@code message-id}; else, when the outbox relay delivers, its row id, so that a retried row is the
     * same message to the consumer's duplicate check; else a fresh id.
     */
    private static String idOf(Intent intent) {
        Object id = intent.options().get(MESSAGE_ID);
        if (id != null) {
            return id.toString();
        }
        Optional<OutboxDelivery> delivery = AirlockOutbox.currentDelivery();
        return delivery.isPresent() ? delivery.get().id().toString() : UUID.randomUUID().toString();
    }

    @Override
    public String toString() {
        return "messaging";
    }
}
