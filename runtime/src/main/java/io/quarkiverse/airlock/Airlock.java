package io.quarkiverse.airlock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.OpenScopes;
import io.quarkiverse.airlock.spi.ScopeHolder;
import io.quarkiverse.airlock.spi.ScopeState;

/**
 * Express side effects anywhere; let the surrounding {@link Scope} decide whether and when they escape.
 *
 * <pre>
 * Airlock.enqueue("notifyWarehouse", orderId); // buffered in the current scope
 *
 * Airlock.scope(new DropAll(), scope -&gt; backfill()); // nothing escapes
 * </pre>
 */
public final class Airlock {

    private static volatile AirlockDefaults defaults = AirlockDefaults.builtIn();

    private Airlock() {
    }

    // ---- enqueue

    /** Enqueues the named task with positional arguments into the current scope and returns the buffered intent. */
    public static Intent enqueue(String task, Object... args) {
        requireTask(task);
        return enqueue(task, ImmutableArgs.copyOf(requireArgs(task, args)), Map.of(), null, null);
    }

    /**
     * Enqueues the named task with one argument; the same as {@link #enqueue(String, Object...)} with one argument,
     * without the array a variable-arity call allocates.
     */
    public static Intent enqueue(String task, Object arg) {
        requireTask(task);
        return enqueue(task, ImmutableArgs.of(arg), Map.of(), null, null);
    }

    /** Enqueues an in-process action, named for inspection and policies, into the current scope. */
    public static Intent enqueue(String name, Runnable action) {
        requireTask(name);
        if (action == null) {
            throw new IllegalArgumentException("Airlock.enqueue('" + name + "', action): action must not be null");
        }
        return enqueue(name, List.of(), Map.of(), null, action);
    }

    /** Starts an intent with dispatch options or an origin; {@link IntentBuilder#enqueue()} buffers it. */
    public static IntentBuilder intent(String task) {
        requireTask(task);
        return new DefaultIntentBuilder(task);
    }

    static Intent enqueue(String task, List<Object> args, Map<String, Object> options, String origin, Runnable action) {
        return enqueue(task, args, options, origin, action, null);
    }

    static Intent enqueue(String task, List<Object> args, Map<String, Object> options, String origin, Runnable action,
            String orderingKey) {
        ScopeState state = AirlockHooks.scopes().current();
        ScopeState guard = PolicyGuard.here(state);
        if (PolicyGuard.running(guard)) {
            throw new PolicyEnqueueException("Cannot enqueue '" + task + "' from inside a policy callback (onEnqueue or "
                    + "allows): policies filter intents, they never create them");
        }
        Scope scope = state == null ? null : state.scope();
        if (scope == null) {
            throw NoScopeException.forTask(task);
        }
        Intent intent = new Intent(task, args, options, origin != null ? origin : scope.originOrNull(), action,
                state.localPolicies(), orderingKey);
        scope.accept(intent, guard);
        return intent;
    }

    // ---- local policies

    /**
     * Runs {@code body} with {@code policy} applied to every intent enqueued inside it, whichever scope receives it. The
     * policy travels with each intent and is applied at flush, innermost first, before the scope policy.
     */
    public static <E extends Exception> void policy(Policy policy, ThrowingRunnable<E> body) throws E {
        requirePolicy(policy, "policy");
        requireBody(body);
        ScopeHolder holder = AirlockHooks.scopes();
        ScopeState state = holder.currentOrCreate();
        List<Policy> outer = state.localPolicies();
        List<Policy> inner = new ArrayList<>(outer.size() + 1);
        inner.addAll(outer);
        inner.add(policy);
        state.localPolicies(Collections.unmodifiableList(inner));
        try {
            body.run();
        } finally {
            state.localPolicies(outer);
            holder.released(state);
        }
    }

    // ---- scopes

    /** Runs {@code body} in a new scope with the configured defaults; see {@link #scope(Scope, ScopeBody)}. */
    public static <E extends Exception> Scope scope(ScopeBody<E> body) throws E {
        requireBody(body);
        return scope(new Scope(), body);
    }

    /** Runs {@code body} in a new scope with {@code policy}; see {@link #scope(Scope, ScopeBody)}. */
    public static <E extends Exception> Scope scope(Policy policy, ScopeBody<E> body) throws E {
        requirePolicy(policy, "policy");
        requireBody(body);
        return scope(new Scope(policy), body);
    }

    /**
     * Enters {@code scope}, runs {@code body}, exits, then flushes if {@link Scope#shouldFlush(Throwable)} says so and
     * discards otherwise. Anything the body throws is rethrown unchanged after that. Returns the finished scope.
     */
    public static <E extends Exception> Scope scope(Scope scope, ScopeBody<E> body) throws E {
        if (scope == null) {
            throw new IllegalArgumentException("Airlock.scope(scope, body): scope must not be null");
        }
        requireBody(body);
        scope.enter();
        Throwable failure = null;
        try {
            body.run(scope);
        } catch (Throwable t) {
            failure = t;
        }
        finish(scope, failure);
        return scope;
    }

    /** Runs {@code call} in a new scope with {@code policy} and returns its value; flushes on success. */
    public static <T, E extends Exception> T scoped(Policy policy, ScopedCall<T, E> call) throws E {
        requirePolicy(policy, "policy");
        if (call == null) {
            throw new IllegalArgumentException("Airlock.scoped(policy, call): call must not be null");
        }
        Scope scope = new Scope(policy).enter();
        T result = null;
        Throwable failure = null;
        try {
            result = call.call();
        } catch (Throwable t) {
            failure = t;
        }
        finish(scope, failure);
        return result;
    }

    /** The scope current where the caller runs. */
    public static Optional<Scope> currentScope() {
        ScopeState state = AirlockHooks.scopes().current();
        return state == null ? Optional.empty() : Optional.ofNullable(state.scope());
    }

    /** Scopes entered and not yet exited, in every thread and context of this application. */
    public static long openScopes() {
        return OpenScopes.count();
    }

    private static <E extends Exception> void finish(Scope scope, Throwable failure) throws E {
        Throwable ending = null;
        try {
            scope.exit();
        } catch (RuntimeException | Error e) {
            // the thread or context is already given back; a unit of work that could not end cleanly lets nothing out
            ending = e;
        }
        try {
            if (ending == null && scope.shouldFlush(failure)) {
                scope.flush();
            } else if (!scope.isDiscarded() && !scope.isFlushed()) {
                scope.discard(failure != null ? "threw " + failure
                        : ending != null ? "could not exit: " + ending.getMessage() : null);
            }
        } catch (RuntimeException | Error e) {
            if (ending == null) {
                ending = e;
            } else {
                ending.addSuppressed(e);
            }
        }
        if (ending != null) {
            if (failure == null) {
                throw Airlock.<RuntimeException> sneaky(ending);
            }
            failure.addSuppressed(ending);
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw Airlock.<RuntimeException> sneaky(failure);
        }
    }

    /** Rethrows a checked exception the body declared (as E) without wrapping it. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable failure) throws T {
        throw (T) failure;
    }

    // ---- configuration

    /** Sets the policy and executor of scopes created without explicit ones. */
    public static void configure(AirlockDefaults newDefaults) {
        if (newDefaults == null) {
            throw new IllegalArgumentException("Airlock.configure(defaults): defaults must not be null");
        }
        defaults = newDefaults;
    }

    public static AirlockDefaults configuration() {
        return defaults;
    }

    /** Restores the built-in defaults: AllowAll and the in-process executor. */
    public static void resetConfiguration() {
        defaults = AirlockDefaults.builtIn();
    }

    // ---- argument checks shared by the API types

    static void requireTask(String task) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("Task name must not be " + (task == null ? "null" : "blank")
                    + ": pass the name of an @AirlockTask handler or of the action");
        }
    }

    static Object[] requireArgs(String task, Object[] args) {
        if (args == null) {
            throw new IllegalArgumentException("Task '" + task + "': the args array must not be null; to pass a single "
                    + "null argument write (Object) null");
        }
        return args;
    }

    static Policy requirePolicy(Policy policy, String argument) {
        if (policy == null) {
            throw new IllegalArgumentException(argument + " must not be null: pass a Policy such as new AllowAll()");
        }
        return policy;
    }

    static IntentExecutor requireExecutor(IntentExecutor executor, String argument) {
        if (executor == null) {
            throw new IllegalArgumentException(argument + " must not be null: pass an IntentExecutor");
        }
        return executor;
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
    }
}
