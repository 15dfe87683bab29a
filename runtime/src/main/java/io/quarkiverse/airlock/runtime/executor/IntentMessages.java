package io.quarkiverse.airlock.runtime.executor;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.DispatchTracing;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON form of an intent on a message channel:
 * {@code {"id": "...", "task": "notify", "args": [...], "origin": "POST /orders", "options": {...}}}. It is
 * self-contained, so any consumer can handle it whatever the broker does with headers.
 */
public final class IntentMessages {

    public static final String ID = "id";
    public static final String TASK = "task";
    public static final String ARGS = "args";
    public static final String ORIGIN = "origin";
    public static final String OPTIONS = "options";
    /** The enqueuing trace context (W3C headers), when the application traces. */
    public static final String TRACE = "trace";

    private IntentMessages() {
    }

    /** The JSON text of {@code intent}; fails when an argument cannot be written as JSON. */
    public static String encode(Intent intent, String id) {
        JsonObject json = new JsonObject(new LinkedHashMap<>(8));
        json.put(ID, id);
        json.put(TASK, intent.name());
        json.put(ARGS, new JsonArray(ArgumentJson.plain(intent.args())));
        json.put(ORIGIN, intent.origin().orElse(null));
        json.put(OPTIONS, options(intent.options()));
        DispatchTracing tracing = AirlockHooks.tracing();
        if (tracing != null) {
            JsonObject trace = new JsonObject();
            tracing.inject(intent, trace::put);
            if (!trace.isEmpty()) {
                json.put(TRACE, trace);
            }
        }
        return json.encode();
    }

    /** Option values other than JSON scalars (a {@link java.time.Duration} delay...) travel as their text. */
    static JsonObject options(Map<String, Object> options) {
        JsonObject json = new JsonObject();
        for (Map.Entry<String, Object> option : options.entrySet()) {
            Object value = option.getValue();
            json.put(option.getKey(), value == null || value instanceof Number || value instanceof Boolean
                    || value instanceof String ? value : String.valueOf(value));
        }
        return json;
    }

    /**
     * Reads a received payload: the JSON text, its bytes, or the JSON object a connector already decoded.
     *
     * @throws IllegalArgumentException when the payload is not an Airlock intent
     */
    public static JsonObject decode(Object payload) {
        JsonObject json;
        if (payload instanceof JsonObject) {
            json = (JsonObject) payload;
        } else if (payload instanceof String) {
            json = new JsonObject((String) payload);
        } else if (payload instanceof byte[]) {
            json = new JsonObject(new String((byte[]) payload, StandardCharsets.UTF_8));
        } else if (payload instanceof Buffer) {
            json = ((Buffer) payload).toJsonObject();
        } else if (payload instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) payload;
            json = new JsonObject(map);
        } else {
            throw new IllegalArgumentException("Not an Airlock intent: a payload of type "
                    + (payload == null ? "null" : payload.getClass().getName()));
        }
        if (!(json.getValue(TASK) instanceof String) || !(json.getValue(ARGS) instanceof JsonArray)) {
            throw new IllegalArgumentException("Not an Airlock intent (needs a string 'task' and an array 'args'): "
                    + json.encode());
        }
        return json;
    }
}
