package io.quarkiverse.airlock.runtime.executor;

import java.util.Map;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.BuiltinExecutor;
import io.quarkiverse.airlock.spi.DispatchOptions;
import io.quarkiverse.airlock.spi.DispatchTracing;
import io.quarkiverse.airlock.spi.ExecutorTraits;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * Publishes each intent on the Vert.x event bus: the address is the task name, the body the arguments as a JSON array
 * (a string), the origin and the options travel as headers. Any node of a clustered event bus may consume it; a
 * consumer for every local {@code @AirlockTask} handler is registered at start-up. In-process actions cannot travel and
 * run on the worker pool instead.
 */
@Singleton
public class EventBusExecutor implements BuiltinExecutor {

    /** Header carrying the intent's origin. */
    public static final String ORIGIN_HEADER = "airlock-origin";
    /** Header naming the intent in the sender's logs, so a consumer's failure can be matched with them. */
    public static final String INTENT_HEADER = "airlock-intent";
    /** Prefix of the headers carrying the intent's options. */
    public static final String OPTION_HEADER_PREFIX = "airlock-option-";

    private final Vertx vertx;
    private final WorkerPoolExecutor actions;

    public EventBusExecutor(Vertx vertx, WorkerPoolExecutor actions) {
        this.vertx = vertx;
        this.actions = actions;
    }

    @Override
    public void checkEnqueued(Intent intent) {
        ArgumentJson.check(intent, "the event bus");
    }

    @Override
    public ExecutorTraits traits() {
        // consumers run on an event loop or a worker, never in the sending thread; actions go to the worker pool
        return ExecutorTraits.IN_PROCESS.withLocalHandlerRequired(false).handingOff();
    }

    @Override
    public void dispatch(Intent intent) {
        if (intent.action().isPresent()) {
            actions.dispatch(intent);
            return;
        }
        String body;
        try {
            body = ArgumentJson.encode(intent.args());
        } catch (RuntimeException notJson) {
            // asynchronous executors never fail the flush: the intent is reported, the others still go out
            DispatchFailures.report("event-bus", intent, notJson);
            return;
        }
        DeliveryOptions delivery = new DeliveryOptions();
        intent.origin().ifPresent(origin -> delivery.addHeader(ORIGIN_HEADER, origin));
        delivery.addHeader(INTENT_HEADER, DispatchFailures.id(intent));
        DispatchTracing tracing = AirlockHooks.tracing();
        if (tracing != null) {
            tracing.inject(intent, delivery::addHeader);
        }
        for (Map.Entry<String, Object> option : intent.options().entrySet()) {
            delivery.addHeader(OPTION_HEADER_PREFIX + option.getKey(), String.valueOf(option.getValue()));
        }
        long delay = DispatchOptions.delayMillis(intent);
        if (delay > 0) {
            vertx.setTimer(delay, ignored -> vertx.eventBus().send(intent.name(), body, delivery));
        } else {
            vertx.eventBus().send(intent.name(), body, delivery);
        }
    }

    @Override
    public String toString() {
        return "event-bus";
    }
}
