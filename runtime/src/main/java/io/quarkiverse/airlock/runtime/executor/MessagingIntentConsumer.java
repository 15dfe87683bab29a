package io.quarkiverse.airlock.runtime.executor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.DispatchTracing;
import io.quarkiverse.airlock.spi.TaskHandler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Handles the intents received on the consumer channel(s): decodes the JSON message, converts the arguments to the
 * parameter types of the local {@code @AirlockTask} handler and runs it on the worker pool, on a fresh duplicated
 * context. A message whose id was handled recently (see {@link RecentIds}) is acknowledged without running the handler
 * again. The message is acknowledged when the handler returns and negatively acknowledged (with the failure, which
 * is logged once) when it throws, when the task is unknown here or when the payload is not an intent: the connector's
 * failure strategy then decides (RabbitMQ rejects it to its dead-letter exchange by default).
 */
@Singleton
public class MessagingIntentConsumer {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    private final Vertx vertx;
    private final RecentIds handled;

    public MessagingIntentConsumer(Vertx vertx, AirlockConfig config) {
        this.vertx = vertx;
        this.handled = new RecentIds(config.messaging().consumer().dedupeWindow());
    }

    public CompletionStage<Void> consume(Message<?> message) {
        IntentMessages.Received intent;
        TaskHandler handler;
        Object[] args;
        try {
            intent = IntentMessages.decode(message.getPayload());
            handler = AirlockHooks.tasks().require(intent.task());
            args = arguments(handler, intent.args());
        } catch (RuntimeException invalid) {
            LOG.errorf(invalid, "Airlock cannot handle a received message: %s", invalid.getMessage());
            return message.nack(invalid);
        }
        String id = intent.id();
        if (!handled.add(id)) {
            LOG.debugf("Airlock dropped a duplicate of message %s (task '%s')", id, handler.name());
            return message.ack();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        JsonObject trace = intent.trace();
        String origin = intent.origin();
        Contexts.fresh(vertx).executeBlocking(() -> {
            DispatchTracing tracing = AirlockHooks.tracing();
            if (tracing == null) {
                handler.invoke(args);
                return null;
            }
            // the handler runs in a span of the trace that enqueued the intent, on whichever node receives it
            DispatchTracing.DispatchSpan span = tracing.startRemote(handler.name(), origin,
                    key -> trace == null ? null : trace.getString(key));
            try {
                handler.invoke(args);
            } catch (Exception | Error e) {
                span.end(e);
                throw e;
            }
            span.end(null);
            return null;
        }, false).onComplete(result -> {
            if (result.succeeded()) {
                message.ack().whenComplete((ignored, failure) -> complete(done, failure));
            } else {
                // a failed intent may be redelivered and handled again
                handled.remove(id);
                LOG.errorf(result.cause(), "Airlock messaging task '%s' (message %s) failed in %s with arguments %s "
                        + "(origin: %s)", handler.name(), id, handler.method(),
                        intent.args().encode(), origin == null ? "unknown" : origin);
                message.nack(result.cause()).whenComplete((ignored, failure) -> complete(done, failure));
            }
        });
        return done;
    }

    private static Object[] arguments(TaskHandler handler, JsonArray json) {
        if (json.size() != handler.arity()) {
            throw new IllegalArgumentException("Task '" + handler.name() + "' expects " + handler.arity()
                    + " argument(s) " + handler.parameterTypes() + ", got: " + json.encode());
        }
        Object[] args = new Object[handler.arity()];
        for (int i = 0; i < args.length; i++) {
            args[i] = ArgumentJson.toParameter(json.getList().get(i), handler, i);
        }
        return args;
    }

    private static void complete(CompletableFuture<Void> done, Throwable failure) {
        if (failure != null) {
            done.completeExceptionally(failure);
        } else {
            done.complete(null);
        }
    }
}
