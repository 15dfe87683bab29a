package io.quarkiverse.airlock.runtime.executor;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.airlock.runtime.context.Contexts;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.DispatchTracing;
import io.quarkiverse.airlock.spi.TaskHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;

/**
 * Consumes the intents published by {@link EventBusExecutor} for the local task handlers: decodes the JSON arguments
 * into the parameter types and runs the handler on the worker pool, on a fresh duplicated context.
 */
public final class EventBusConsumers {

    private final Vertx vertx;
    private final List<MessageConsumer<String>> consumers = new ArrayList<>();

    public EventBusConsumers(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Registers a consumer per local task handler and completes when the event bus knows them all. */
    public Future<Void> start() {
        List<Future<Void>> registered = new ArrayList<>();
        for (TaskHandler handler : AirlockHooks.tasks().all()) {
            MessageConsumer<String> consumer = vertx.eventBus().consumer(handler.name(),
                    message -> run(handler, message));
            consumers.add(consumer);
            Promise<Void> ready = Promise.promise();
            consumer.completionHandler(ready);
            registered.add(ready.future());
        }
        return Future.all(registered).mapEmpty();
    }

    public void stop() {
        consumers.forEach(MessageConsumer::unregister);
        consumers.clear();
    }

    private void run(TaskHandler handler, Message<String> message) {
        Context context = Contexts.fresh(vertx);
        String origin = message.headers().get(EventBusExecutor.ORIGIN_HEADER);
        context.executeBlocking(() -> {
            DispatchTracing tracing = AirlockHooks.tracing();
            if (tracing == null) {
                handler.invoke(decode(handler, message.body()));
                return null;
            }
            DispatchTracing.DispatchSpan span = tracing.startRemote(handler.name(), origin, message.headers()::get);
            try {
                handler.invoke(decode(handler, message.body()));
            } catch (Exception | Error e) {
                span.end(e);
                throw e;
            }
            span.end(null);
            return null;
        }, false).onFailure(failure -> DispatchFailures.reportConsumed(handler.name(), handler.method(),
                message.body(), message.headers().get(EventBusExecutor.INTENT_HEADER), origin, failure));
    }

    static Object[] decode(TaskHandler handler, String body) {
        JsonArray array = new JsonArray(body);
        if (array.size() != handler.arity()) {
            throw new IllegalArgumentException("Task '" + handler.name() + "' expects a JSON array of "
                    + handler.arity() + " argument(s) " + handler.parameterTypes() + ", got: " + body);
        }
        Object[] args = new Object[handler.arity()];
        for (int i = 0; i < args.length; i++) {
            args[i] = ArgumentJson.toParameter(array.getList().get(i), handler, i);
        }
        return args;
    }
}
