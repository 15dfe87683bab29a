package io.quarkiverse.airlock.runtime.outbox;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.UsageException;
import io.quarkiverse.airlock.runtime.executor.ArgumentJson;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.DispatchOptions;
import io.quarkiverse.airlock.spi.DispatchTracing;
import io.quarkiverse.airlock.spi.TaskHandler;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What an outbox row stores of an intent, as JSON, and the intent rebuilt from it.
 */
final class OutboxJson {

    /** Options under this prefix carry the enqueuing trace context, not dispatch options. */
    static final String TRACE_PREFIX = "airlock-trace-";

    private OutboxJson() {
    }

    /**
     * Fails at enqueue time when the intent cannot be stored. Scalars pass without encoding; other values are encoded
     * once here, so the cost is paid only by arguments that need it.
     */
    static void check(Intent intent) {
        if (intent.action().isPresent()) {
            throw new UsageException("In-process action '" + intent.name() + "' cannot be stored in the outbox: a "
                    + "Runnable does not survive a restart. Enqueue a named task handled by an @AirlockTask method, "
                    + "with JSON-serializable arguments.");
        }
        ArgumentJson.check(intent, "the outbox");
        for (Map.Entry<String, Object> option : intent.options().entrySet()) {
            Object value = option.getValue();
            if (!isScalar(value) && !(value instanceof Duration)) {
                try {
                    Json.encode(value);
                } catch (RuntimeException notJson) {
                    throw new UsageException("Task '" + intent.name() + "': option '" + option.getKey() + "' ("
                            + value.getClass().getName() + ") cannot be written to the outbox as JSON: "
                            + notJson.getMessage(), notJson);
                }
            }
        }
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double || value instanceof Float || value instanceof Short
                || value instanceof Byte || value instanceof Character || value instanceof BigDecimal
                || value instanceof BigInteger || value instanceof UUID || value instanceof Enum;
    }

    static String args(Intent intent) {
        return ArgumentJson.encode(intent.args());
    }

    /** The options without {@code delay}, which the row's due time already holds. */
    static String options(Intent intent) {
        Map<String, Object> options = intent.options();
        DispatchTracing tracing = AirlockHooks.tracing();
        if (options.isEmpty() && (tracing == null || intent.traceContext() == null)) {
            return "{}";
        }
        Map<String, Object> stored = new LinkedHashMap<>(options);
        stored.remove(DispatchOptions.DELAY);
        if (tracing != null) {
            // the enqueuing trace travels with the row, as it does in event-bus headers
            tracing.inject(intent, stored::put);
        }
        return stored.isEmpty() ? "{}" : Json.encode(stored);
    }

    /**
     * The intent of a row: arguments converted to the parameter types of the local handler when there is one, left as
     * decoded JSON otherwise (another node may handle it).
     */
    static Intent intent(String task, String args, String options, String origin, String orderingKey) {
        JsonArray array = new JsonArray(args);
        Object[] values = new Object[array.size()];
        TaskHandler handler = AirlockHooks.tasks().find(task);
        if (handler != null && handler.arity() != values.length) {
            throw new IllegalArgumentException("Task '" + task + "' takes " + handler.arity() + " argument(s) "
                    + handler.parameterTypes() + " but its outbox row holds " + values.length + ": " + args);
        }
        for (int i = 0; i < values.length; i++) {
            Object value = array.getList().get(i);
            values[i] = handler == null ? value : ArgumentJson.toParameter(value, handler, i);
        }
        Map<String, Object> optionMap = "{}".equals(options) ? Map.of() : new JsonObject(options).getMap();
        Map<String, String> trace = null;
        for (String key : optionMap.keySet()) {
            if (key.startsWith(TRACE_PREFIX)) {
                if (trace == null) {
                    trace = new HashMap<>();
                    optionMap = new LinkedHashMap<>(optionMap);
                }
                trace.put(key, String.valueOf(optionMap.get(key)));
            }
        }
        if (trace == null) {
            return Intent.restored(task, Arrays.asList(values), optionMap, origin, null, orderingKey);
        }
        optionMap.keySet().removeAll(trace.keySet());
        DispatchTracing tracing = AirlockHooks.tracing();
        return Intent.restored(task, Arrays.asList(values), optionMap, origin,
                tracing == null ? null : tracing.extract(trace::get), orderingKey);
    }
}
