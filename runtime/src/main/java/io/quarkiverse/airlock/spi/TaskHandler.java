package io.quarkiverse.airlock.spi;

import java.util.List;
import java.util.Map;

/**
 * A task handler discovered at build time: an {@code @AirlockTask} method and the reflection-free way to call it.
 */
public final class TaskHandler {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            boolean.class, Boolean.class, double.class, Double.class, float.class, Float.class, short.class, Short.class,
            byte.class, Byte.class, char.class, Character.class, void.class, Void.class);

    /** Calls the handler method with positional arguments. */
    @FunctionalInterface
    public interface Call {
        Object invoke(Object[] args) throws Exception;
    }

    private final String name;
    private final String method;
    private final Class<?>[] parameterTypes;
    /** The parameter types with primitives boxed, for the check at every enqueue. */
    private final Class<?>[] acceptedTypes;
    /** Generic signatures ({@code java.util.List<java.lang.Long>}) of parameterized parameters; null for the others. */
    private final String[] genericParameterTypes;
    /** What the JSON transports worked out from them, on first use. */
    private final Object[] jsonTypes;
    private final Call call;

    /**
     * @param name the task name
     * @param method where the handler is, for messages: {@code com.acme.Orders#notify(long)}
     * @param parameterTypes the handler's parameter types, positionally
     * @param call invokes the handler
     */
    public TaskHandler(String name, String method, Class<?>[] parameterTypes, Call call) {
        this(name, method, parameterTypes, new String[parameterTypes.length], call);
    }

    /**
     * @param genericParameterTypes the generic signature of each parameterized parameter, null for the others
     */
    public TaskHandler(String name, String method, Class<?>[] parameterTypes, String[] genericParameterTypes,
            Call call) {
        this.genericParameterTypes = genericParameterTypes.clone();
        this.jsonTypes = new Object[parameterTypes.length];
        this.name = name;
        this.method = method;
        this.parameterTypes = parameterTypes.clone();
        this.acceptedTypes = new Class<?>[parameterTypes.length];
        for (int i = 0; i < parameterTypes.length; i++) {
            acceptedTypes[i] = box(parameterTypes[i]);
        }
        this.call = call;
    }

    public String name() {
        return name;
    }

    public String method() {
        return method;
    }

    /** The simple name of the handler method: {@code notify} for {@code com.acme.Orders#notify(long)}. */
    public String methodName() {
        int hash = method.indexOf('#');
        int paren = method.indexOf('(', hash + 1);
        return hash < 0 ? method : method.substring(hash + 1, paren < 0 ? method.length() : paren);
    }

    public int arity() {
        return parameterTypes.length;
    }

    public Class<?> parameterType(int index) {
        return parameterTypes[index];
    }

    /** The generic signature of parameter {@code index} when it is parameterized ({@code List<Long>}), else null. */
    public String genericParameterType(int index) {
        return genericParameterTypes[index];
    }

    /** The JSON transports' own description of parameter {@code index}, once they worked it out. */
    public Object jsonType(int index) {
        return jsonTypes[index];
    }

    public void jsonType(int index, Object type) {
        jsonTypes[index] = type;
    }

    public List<Class<?>> parameterTypes() {
        return List.of(parameterTypes);
    }

    public Object invoke(Object[] args) throws Exception {
        return call.invoke(args);
    }

    /**
     * Whether {@code value} can be passed to parameter {@code index}: assignable, boxed for primitives, null for references.
     */
    public boolean accepts(int index, Object value) {
        if (value == null) {
            return !parameterTypes[index].isPrimitive();
        }
        return acceptedTypes[index].isInstance(value);
    }

    static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    @Override
    public String toString() {
        return name + " -> " + method;
    }
}
