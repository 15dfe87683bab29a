package io.quarkiverse.airlock;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.DispatchTracing;

/**
 * A side effect that was expressed but has not escaped yet: a task name with its arguments, dispatch options and the
 * local policies in force when it was enqueued. Immutable; equality is identity, because two identical calls are two
 * side effects.
 */
public final class Intent {

    /**
     * The longest {@linkplain #orderingKey() ordering key}, in characters: the outbox stores it in a column of this
     * size.
     */
    public static final int MAX_ORDERING_KEY_LENGTH = 255;

    private final String name;
    /**
     * The arguments or, for an in-process action, the action itself: an action takes no arguments, so it rides in
     * their place and costs the intent neither a field nor an object of its own.
     */
    private final Object argsOrAction;
    private final String origin;
    private final List<Policy> localPolicies;
    /**
     * What most intents do without (dispatch options, a trace context, what a capturing scope knows of it), kept apart
     * so that the common intent is five references; null until one of them is there.
     */
    private Extras extras;

    /** An intent's rarely used parts. */
    private static final class Extras {
        final Map<String, Object> options;
        final Object traceContext;
        final String orderingKey;
        /**
         * What the scope that holds the intent now knows of it beyond the intent itself (where it was captured from,
         * the transaction it waits for). Written and read by the one unit of work that runs that scope.
         */
        Captured captured;

        Extras(Map<String, Object> options, Object traceContext, String orderingKey) {
            this.options = options;
            this.traceContext = traceContext;
            this.orderingKey = orderingKey;
        }
    }

    Intent(String name, List<Object> args, Map<String, Object> options, String origin, Runnable action,
            List<Policy> localPolicies, String orderingKey) {
        this(name, args, options, origin, action, localPolicies, traceHere(), orderingKey);
    }

    /** What the installed tracing remembers of where the caller runs; nothing without tracing. */
    private static Object traceHere() {
        DispatchTracing tracing = AirlockHooks.tracing();
        return tracing == null ? null : tracing.capture();
    }

    private Intent(String name, List<Object> args, Map<String, Object> options, String origin, Runnable action,
            List<Policy> localPolicies, Object traceContext, String orderingKey) {
        this.name = name;
        this.argsOrAction = action == null ? args : action;
        this.origin = origin;
        this.localPolicies = localPolicies;
        if (!options.isEmpty() || traceContext != null || orderingKey != null) {
            this.extras = new Extras(options, traceContext, orderingKey);
        }
    }

    /**
     * An intent rebuilt outside any scope, from what was stored or sent about it (an outbox row, a message), so that it
     * can be dispatched again: no action, no local policies.
     *
     * @param args the arguments, in call order; copied
     * @param options the dispatch options; copied
     * @param origin the origin, or {@code null}
     */
    public static Intent restored(String name, List<?> args, Map<String, ?> options, String origin) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An intent needs a task name");
        }
        return new Intent(name, ImmutableArgs.copyOf(args.toArray()),
                options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options)),
                origin, null, List.of(), null);
    }

    /**
     * The same, with the trace context the intent was first enqueued in (read back from what was stored with it), so
     * that its dispatch joins that trace; {@code null} when there is none.
     */
    public static Intent restored(String name, List<?> args, Map<String, ?> options, String origin,
            Object traceContext) {
        return restored(name, args, options, origin, traceContext, null);
    }

    /**
     * The same, with the ordering key it was enqueued with ({@code null} for none), so that an executor it is
     * dispatched to again keeps the key's order (a Kafka record key, for one).
     */
    public static Intent restored(String name, List<?> args, Map<String, ?> options, String origin,
            Object traceContext, String orderingKey) {
        Intent intent = restored(name, args, options, origin);
        return new Intent(intent.name, intent.args(), intent.options(), intent.origin, null, List.of(), traceContext,
                orderingKey);
    }

    /** The task name. */
    public String name() {
        return name;
    }

    /** The arguments, in call order; unmodifiable, never null, may contain nulls. */
    @SuppressWarnings("unchecked")
    public List<Object> args() {
        Object args = argsOrAction;
        return args instanceof Runnable ? ImmutableArgs.none() : (List<Object>) args;
    }

    /** Dispatch options (queue, delay, priority...), unmodifiable, never null. */
    public Map<String, Object> options() {
        return extras == null ? Map.of() : extras.options;
    }

    /** Free text telling where the intent came from: request path, trace id... */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /** The in-process action, present for {@link Airlock#enqueue(String, Runnable)}. */
    public Optional<Runnable> action() {
        return Optional.ofNullable(actionOrNull());
    }

    /** The action without an Optional around it, for the hot path. */
    Runnable actionOrNull() {
        Object action = argsOrAction;
        return action instanceof Runnable ? (Runnable) action : null;
    }

    /** Local policies captured at enqueue time, outermost first. */
    public List<Policy> localPolicies() {
        return localPolicies;
    }

    /**
     * The key whose intents are delivered one at a time in commit order, as set with
     * {@link IntentBuilder#orderingKey(String)}; empty for an intent that waits for no other.
     */
    public Optional<String> orderingKey() {
        return Optional.ofNullable(orderingKeyOrNull());
    }

    /** The ordering key without an Optional around it, for executors. */
    public String orderingKeyOrNull() {
        return extras == null ? null : extras.orderingKey;
    }

    /**
     * The trace context this intent was enqueued in, kept so that its dispatch joins that trace (an OpenTelemetry
     * {@code Context} when the application has OpenTelemetry); null without tracing. For integrations, not for
     * application code.
     */
    public Object traceContext() {
        return extras == null ? null : extras.traceContext;
    }

    /**
     * What the scope that holds the intent knows of it beyond the intent itself; null for the common intent that never
     * left its scope.
     */
    Captured captured() {
        return extras == null ? null : extras.captured;
    }

    void captured(Captured info) {
        if (extras == null) {
            extras = new Extras(Map.of(), null, null);
        }
        extras.captured = info;
    }

    /** Whether every captured local policy allows this intent. For inspection; flush applies them itself. */
    public boolean passesLocalPolicies() {
        for (int i = localPolicies.size() - 1; i >= 0; i--) {
            if (!PolicyGuard.allows(localPolicies.get(i), this)) {
                return false;
            }
        }
        return true;
    }

    /** {@code name(arg1, "text")}: strings in double quotes. */
    @Override
    public String toString() {
        List<Object> args = args();
        StringBuilder out = new StringBuilder(name.length() + 16 * args.size() + 2).append(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Object arg = args.get(i);
            if (arg instanceof CharSequence) {
                out.append('"').append(arg).append('"');
            } else {
                out.append(arg);
            }
        }
        return out.append(')').toString();
    }
}
