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
 * self-contained, so any consumer can handle it whatever the broker does with headers. When the application traces,
 * {@code "trace"} holds the enqueuing trace context (W3C headers). This class is the only one that knows the field
 * names: receivers read a {@link Received}.
 */
public final class IntentMessages {

    private IntentMessages() {
    }

    /** The JSON text of {@code intent}; fails when an argument cannot be written as JSON. */
    public static String encode(Intent intent, String id) {
        JsonObject json = new JsonObject(new LinkedHashMap<>(8));
        json.put("id", id);
        json.put("task", intent.name());
        json.put("args", new JsonArray(ArgumentJson.plain(intent.args())));
        json.put("origin", intent.origin().orElse(null));
        json.put("options", options(intent.options()));
        DispatchTracing tracing = AirlockHooks.tracing();
        if (tracing != null) {
            JsonObject trace = new JsonObject();
            tracing.inject(intent, trace::put);
            if (!trace.isEmpty()) {
                json.put("trace", trace);
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
    public static Received decode(Object payload) {
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
        if (!(json.getValue("task") instanceof String task) || !(json.getValue("args") instanceof JsonArray args)) {
            throw new IllegalArgumentException("Not an Airlock intent (needs a string 'task' and an array 'args'): "
                    + json.encode());
        }
        return new Received(json.getString("id"), task, args, json.getString("origin"), json.getJsonObject("trace"));
    }

    /**
     * A received intent.
     *
     * @param id the message id, {@code null} when the sender gave none
     * @param origin where the intent was enqueued, or {@code null}
     * @param trace the enqueuing trace context, or {@code null}
     */
    public record Received(String id, String task, JsonArray args, String origin, JsonObject trace) {
    }
}
