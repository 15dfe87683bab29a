package io.quarkiverse.airlock.runtime.executor;

import java.util.UUID;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Turns a value decoded from JSON back into a handler's parameter type. Numbers, strings, booleans, characters, enums
 * and UUIDs are converted here; other types go through Vert.x's JSON codec, which maps objects when Jackson databind is
 * present.
 */
public final class JsonArguments {

    private JsonArguments() {
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static Object convert(Object value, Class<?> type) {
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number) {
            Number number = (Number) value;
            if (type == long.class || type == Long.class) {
                return number.longValue();
            } else if (type == int.class || type == Integer.class) {
                return number.intValue();
            } else if (type == double.class || type == Double.class) {
                return number.doubleValue();
            } else if (type == float.class || type == Float.class) {
                return number.floatValue();
            } else if (type == short.class || type == Short.class) {
                return number.shortValue();
            } else if (type == byte.class || type == Byte.class) {
                return number.byteValue();
            }
        }
        if (value instanceof Boolean && type == boolean.class) {
            return value;
        }
        if (value instanceof String) {
            String text = (String) value;
            if ((type == char.class || type == Character.class) && text.length() == 1) {
                return text.charAt(0);
            } else if (type.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) type, text);
            } else if (type == UUID.class) {
                return UUID.fromString(text);
            }
        }
        Object json = value instanceof JsonObject || value instanceof JsonArray ? value : Json.encode(value);
        return json instanceof String ? Json.CODEC.fromString((String) json, type) : Json.CODEC.fromValue(json, type);
    }
}
