package io.quarkiverse.airlock.runtime.executor;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.UsageException;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.TaskHandler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * How task arguments travel as JSON (the event bus, messaging, the outbox) and come back as the handler's full
 * parameter types, generics included: {@code List<Long>} holds longs, {@code List<SomeRecord>} records. Values whose
 * JSON form would lose something travel as text: a {@link BigDecimal} keeps every digit and its scale, java.time
 * values are ISO-8601. An argument that would not come back equal is refused at enqueue.
 */
public final class ArgumentJson {

    private static final ObjectMapper MAPPER = mapper();

    private ArgumentJson() {
    }

    private static ObjectMapper mapper() {
        SimpleModule exact = new SimpleModule("airlock-arguments");
        exact.addSerializer(BigDecimal.class, ToStringSerializer.instance);
        text(exact, Instant.class, Instant::parse);
        text(exact, LocalDate.class, LocalDate::parse);
        text(exact, LocalDateTime.class, LocalDateTime::parse);
        text(exact, LocalTime.class, LocalTime::parse);
        text(exact, OffsetDateTime.class, OffsetDateTime::parse);
        text(exact, ZonedDateTime.class, ZonedDateTime::parse);
        text(exact, Duration.class, Duration::parse);
        return new ObjectMapper().registerModule(exact)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static <T> void text(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, ToStringSerializer.instance);
        module.addDeserializer(type, new StdScalarDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                try {
                    return parse.apply(text);
                } catch (RuntimeException e) {
                    return type.cast(context.handleWeirdStringValue(type, text, e.getMessage()));
                }
            }
        });
    }

    /** The arguments as plain JSON values (strings, numbers, booleans, lists, maps), ready for any JSON encoder. */
    public static List<Object> plain(List<Object> args) {
        return MAPPER.convertValue(args, MAPPER.getTypeFactory().constructCollectionType(List.class, Object.class));
    }

    /** The JSON text of the arguments, as an array. */
    public static String encode(List<Object> args) {
        try {
            return MAPPER.writeValueAsString(args);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The arguments of a JSON array text, as plain values, before conversion to any handler's types. */
    public static List<Object> decode(String array) {
        return new JsonArray(array).getList();
    }

    /** A value read from JSON, turned into parameter {@code index} of {@code handler}, generics included. */
    public static Object toParameter(Object value, TaskHandler handler, int index) {
        if (value == null) {
            return null;
        }
        return MAPPER.convertValue(unwrap(value), type(handler, index));
    }

    /** The Jackson type of a handler parameter, from the generic signature the build recorded. */
    static JavaType type(TaskHandler handler, int index) {
        JavaType type = (JavaType) handler.jsonType(index);
        if (type == null) {
            String generic = handler.genericParameterType(index);
            type = generic == null ? MAPPER.constructType(handler.parameterType(index))
                    : MAPPER.getTypeFactory().constructFromCanonical(generic);
            handler.jsonType(index, type);
        }
        return type;
    }

    /** Vert.x wraps decoded objects and arrays; Jackson reads their plain content. */
    private static Object unwrap(Object value) {
        if (value instanceof JsonObject) {
            return ((JsonObject) value).getMap();
        }
        if (value instanceof JsonArray) {
            return ((JsonArray) value).getList();
        }
        return value;
    }

    /**
     * Fails at enqueue when an argument would not come back from JSON equal to what was passed, as the local handler's
     * parameter type (or, without a local handler, when it cannot be written as JSON at all).
     *
     * @param transport where the intent goes, for the message: "the outbox", "the event bus"...
     */
    public static void check(Intent intent, String transport) {
        List<Object> args = intent.args();
        TaskHandler handler = AirlockHooks.tasks().find(intent.name());
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg == null || isExact(arg, handler, i)) {
                continue;
            }
            Object back;
            try {
                Object plain = MAPPER.convertValue(arg, Object.class);
                back = handler == null || handler.arity() <= i ? plain : toParameter(plain, handler, i);
            } catch (RuntimeException notJson) {
                throw refused(intent, i, arg, handler, transport, "it cannot be " + (handler == null ? "written as"
                        : "read back from") + " JSON: " + notJson.getMessage());
            }
            if (handler != null && handler.arity() > i && !sameValue(arg, back)) {
                throw refused(intent, i, arg, handler, transport, "it would come back as " + back
                        + (back == null ? "" : " (" + back.getClass().getName() + ")"));
            }
        }
    }

    /** Scalars that JSON carries as they are, passed to a parameter of their own type: nothing to try. */
    private static boolean isExact(Object arg, TaskHandler handler, int index) {
        Class<?> type = arg.getClass();
        boolean scalar = type == String.class || type == Long.class || type == Integer.class || type == Boolean.class
                || type.isEnum();
        return scalar && handler != null && handler.arity() > index && handler.genericParameterType(index) == null
                && handler.accepts(index, arg);
    }

    private static boolean sameValue(Object sent, Object received) {
        if (sent instanceof Object[] && received instanceof Object[]) {
            return Arrays.deepEquals((Object[]) sent, (Object[]) received);
        }
        return Objects.equals(sent, received);
    }

    private static UsageException refused(Intent intent, int index, Object arg, TaskHandler handler, String transport,
            String why) {
        String parameter = handler == null || handler.arity() <= index ? ""
                : " for parameter " + (handler.genericParameterType(index) != null ? handler.genericParameterType(index)
                        : handler.parameterType(index).getName()) + " of " + handler.method();
        return new UsageException("Task '" + intent.name() + "': argument " + index + " (" + arg.getClass().getName()
                + ")" + parameter + " cannot travel through " + transport + " as JSON: " + why
                + ". Arguments that travel must come back equal: strings, numbers, booleans, enums, UUIDs, BigDecimal,"
                + " java.time values, records and beans Jackson can read, and lists and maps of them; passing an id is"
                + " often best.");
    }
}
