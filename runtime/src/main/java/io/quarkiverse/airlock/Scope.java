package io.quarkiverse.airlock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.airlock.runtime.DispatchDeferral;
import io.quarkiverse.airlock.runtime.context.ScopeHolder;
import io.quarkiverse.airlock.runtime.context.ScopeHolders;
import io.quarkiverse.airlock.runtime.context.ScopeState;
import io.quarkiverse.airlock.runtime.executor.BuiltinExecutor;
import io.quarkiverse.airlock.runtime.listener.AirlockListener;
import io.quarkiverse.airlock.runtime.listener.AirlockListeners;
import io.quarkiverse.airlock.runtime.task.TaskRegistry;

/**
 * WHEN buffered intents escape: a unit of work. Intents enqueued while the scope is current are buffered; {@link #flush()}
 * applies the policies and dispatches the survivors, {@link #discard()} drops everything.
 * <p>
 * A scope is confined to the unit of work that runs it: it is not safe for concurrent use from several threads at once,
 * though it may move between threads (a request hopping from the event loop to a worker) as long as one runs it at a
 * time.
 * <p>
 * Subclasses customise three decisions: {@link #shouldFlush(Throwable)}, {@link #beforeDescendantFlushes(Scope, List)}
 * and {@link #dispatchAll(List)}.
 */
public class Scope {

    private enum Status {
        NEW,
        ACTIVE,
        EXITED,
        FLUSHED,
        DISCARDED
    }

    private final Policy policy;
    private final IntentExecutor executor;
    private final boolean validatesTasks;
    private final boolean requiresLocalHandler;

    private List<Intent> intents;
    private List<Intent> captured;
    private Scope parent;
    private Status status = Status.NEW;
    private String origin;

    /** A scope with the configured default policy and executor. */
    public Scope() {
        this(null, null, false);
    }

    /** A scope with {@code policy} and the configured default executor. */
    public Scope(Policy policy) {
        this(Airlock.requirePolicy(policy, "policy"), null, false);
    }

    /** A scope with {@code policy} and {@code executor}. */
    public Scope(Policy policy, IntentExecutor executor) {
        this(Airlock.requirePolicy(policy, "policy"), Airlock.requireExecutor(executor, "executor"), false);
    }

    private Scope(Policy policy, IntentExecutor executor, boolean unused) {
        AirlockDefaults defaults = Airlock.configuration();
        this.policy = policy != null ? policy : defaults.policy();
        this.executor = executor != null ? executor : defaults.executor();
        this.validatesTasks = this.executor instanceof BuiltinExecutor;
        this.requiresLocalHandler = validatesTasks && ((BuiltinExecutor) this.executor).requiresLocalHandler();
    }

    /**
     * Makes this scope the current one where the caller runs; intents enqueued from here on are buffered in it.
     *
     * @throws ScopeStateException if it is already active, or already flushed or discarded
     */
    public Scope enter() {
        if (status == Status.ACTIVE) {
            throw new ScopeStateException(this + " is already active; a scope is entered once at a time");
        }
        if (status == Status.FLUSHED || status == Status.DISCARDED) {
            throw new ScopeStateException(this + " is already " + describeEnd() + "; open a new scope");
        }
        ScopeState state = ScopeHolders.get().currentOrCreate();
        parent = state.scope();
        state.scope(this);
        status = Status.ACTIVE;
        OpenScopes.opened();
        AirlockListener listener = AirlockListeners.installed();
        if (listener != null) {
            listener.scopeEntered(this);
        }
        return this;
    }

    /**
     * Restores the scope that was current before {@link #enter()}. Does not flush or discard.
     *
     * @throws ScopeStateException if this scope is not the current one where the caller runs
     */
    public void exit() {
        ScopeHolder holder = ScopeHolders.get();
        ScopeState state = holder.current();
        if (state == null || state.scope() != this) {
            throw new ScopeStateException(status == Status.ACTIVE
                    ? this + " is not the current scope here: exit nested scopes first, in the thread or context that entered them"
                    : this + " is not active; exit() must follow enter()");
        }
        state.scope(parent);
        status = Status.EXITED;
        OpenScopes.closed();
        holder.released(state);
        AirlockListener listener = AirlockListeners.installed();
        if (listener != null) {
            listener.scopeExited(this);
        }
    }

    /**
     * Applies the policies, offers the survivors to the enclosing active scopes, dispatches what they leave in FIFO
     * order, and returns it.
     *
     * @throws ScopeStateException if the scope is active, flushed or discarded
     */
    public List<Intent> flush() {
        requireFinishable("flush");
        status = Status.FLUSHED;
        List<Intent> escaping = offerToAncestors(allowed());
        dispatchAll(escaping);
        return escaping;
    }

    /**
     * Drops every buffered intent and returns them.
     *
     * @throws ScopeStateException if the scope is active, flushed or discarded
     */
    public List<Intent> discard() {
        return discard(null);
    }

    /**
     * Drops every buffered intent and returns them, saying why (an exception, an HTTP error status) to the listeners.
     *
     * @throws ScopeStateException if the scope is active, flushed or discarded
     */
    public List<Intent> discard(String reason) {
        requireFinishable("discard");
        status = Status.DISCARDED;
        List<Intent> dropped = intents();
        AirlockListener listener = AirlockListeners.installed();
        if (listener != null) {
            listener.discarded(this, dropped, reason);
        }
        return dropped;
    }

    /**
     * Says where this scope comes from (an HTTP method and path, an annotated method...), for the Dev UI and logs.
     * Intents enqueued into it without an origin of their own take this one.
     */
    public Scope withOrigin(String origin) {
        this.origin = origin;
        return this;
    }

    /** Where this scope comes from, when its opener said so. */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /**
     * The scope that was current when this one was entered, for the Dev UI and logs; empty for an outermost scope or
     * one that was never entered.
     */
    public Optional<Scope> parent() {
        return Optional.ofNullable(parent);
    }

    /** The origin without an Optional around it, for the hot path. */
    String originOrNull() {
        return origin;
    }

    /** Own and captured intents in the order they were buffered; kept after flush and discard. */
    public List<Intent> intents() {
        return intents == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(intents));
    }

    /** Intents enqueued directly while this scope was current. */
    public List<Intent> ownIntents() {
        if (intents == null) {
            return List.of();
        }
        if (captured == null) {
            return intents();
        }
        List<Intent> own = new ArrayList<>(intents.size() - captured.size());
        for (Intent intent : intents) {
            if (!containsIdentity(captured, intent)) {
                own.add(intent);
            }
        }
        return Collections.unmodifiableList(own);
    }

    /** Intents captured from nested scopes that flushed while this one was active. */
    public List<Intent> capturedIntents() {
        return captured == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(captured));
    }

    /** Whether this scope is the current one where the caller runs (not merely an enclosing one). */
    public boolean isActive() {
        if (status != Status.ACTIVE) {
            return false;
        }
        ScopeState state = ScopeHolders.get().current();
        return state != null && state.scope() == this;
    }

    public boolean isFlushed() {
        return status == Status.FLUSHED;
    }

    public boolean isDiscarded() {
        return status == Status.DISCARDED;
    }

    public Policy policy() {
        return policy;
    }

    public IntentExecutor executor() {
        return executor;
    }

    /**
     * Decides at the end of {@link Airlock#scope(ScopeBody)} whether to flush or discard.
     *
     * @param error what the body threw, or {@code null} when it completed normally
     */
    protected boolean shouldFlush(Throwable error) {
        return error == null;
    }

    /**
     * Called on each enclosing active scope, innermost first, when a nested scope flushes. Returns the intents the
     * nested scope may dispatch itself; the others are captured into this scope and escape only when it flushes.
     *
     * @param exiting the nested scope that is flushing (the innermost, whichever ancestor is asked)
     * @param intents what survived the policies and the ancestors asked before
     */
    protected List<Intent> beforeDescendantFlushes(Scope exiting, List<Intent> intents) {
        return List.of();
    }

    /**
     * Dispatches through the executor in FIFO order; the first failure stops the rest and leaves this method. Inside a
     * JTA transaction (with the Quarkus extension) the dispatch waits for the commit instead, and a rollback drops it.
     */
    protected void dispatchAll(List<Intent> intents) {
        if (intents.isEmpty()) {
            return;
        }
        DispatchDeferral deferral = DispatchDeferral.installed();
        if (deferral != null && deferral.defer(intents, executor)) {
            return;
        }
        AirlockListener listener = AirlockListeners.installed();
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            if (listener != null) {
                listener.dispatching(intent, executor);
            }
            executor.dispatch(intent);
        }
    }

    /** Buffers an intent enqueued while this scope is current, after validation and the onEnqueue callbacks. */
    void accept(Intent intent, int[] policyDepth) {
        if (status == Status.FLUSHED || status == Status.DISCARDED) {
            throw new ScopeStateException("Cannot enqueue '" + intent.name() + "' into " + this + ": it is already "
                    + describeEnd());
        }
        if (validatesTasks) {
            if (intent.actionOrNull() == null) {
                TaskRegistry.validate(intent.name(), intent.args(), requiresLocalHandler);
            }
            ((BuiltinExecutor) executor).checkEnqueued(intent);
        }
        List<Policy> locals = intent.localPolicies();
        for (int i = locals.size() - 1; i >= 0; i--) {
            PolicyGuard.onEnqueue(policyDepth, locals.get(i), intent);
        }
        PolicyGuard.onEnqueue(policyDepth, policy, intent);
        if (intents == null) {
            // room for a typical unit of work's side effects without growing; less than ArrayList's default of 10
            intents = new ArrayList<>(8);
        }
        intents.add(intent);
        AirlockListener listener = AirlockListeners.installed();
        if (listener != null) {
            listener.enqueued(this, intent);
        }
    }

    private List<Intent> allowed() {
        if (intents == null) {
            return List.of();
        }
        // the buffer itself while every intent passes (the common case): it no longer changes once the scope has
        // finished; a copy only from the first intent a policy drops
        List<Intent> allowed = intents;
        AirlockListener listener = AirlockListeners.installed();
        int[] policyDepth = PolicyGuard.depth();
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            Policy denying = denyingPolicy(policyDepth, intent);
            if (denying == null) {
                if (allowed != intents) {
                    allowed.add(intent);
                }
                continue;
            }
            if (allowed == intents) {
                allowed = new ArrayList<>(intents.subList(0, i));
            }
            if (listener != null) {
                listener.dropped(this, intent, denying);
            }
        }
        return allowed;
    }

    /** The first policy, innermost local one first, that does not allow the intent; null when all allow it. */
    private Policy denyingPolicy(int[] policyDepth, Intent intent) {
        List<Policy> locals = intent.localPolicies();
        for (int i = locals.size() - 1; i >= 0; i--) {
            if (!PolicyGuard.allows(policyDepth, locals.get(i), intent)) {
                return locals.get(i);
            }
        }
        return PolicyGuard.allows(policyDepth, policy, intent) ? null : policy;
    }

    private List<Intent> offerToAncestors(List<Intent> candidates) {
        List<Intent> remaining = candidates;
        for (Scope ancestor = parent; ancestor != null && !remaining.isEmpty(); ancestor = ancestor.parent) {
            if (ancestor.status != Status.ACTIVE) {
                continue;
            }
            List<Intent> released = ancestor.beforeDescendantFlushes(this, Collections.unmodifiableList(remaining));
            if (released == null) {
                throw new IllegalStateException(ancestor.getClass().getName()
                        + ".beforeDescendantFlushes returned null; return the intents the nested scope may dispatch"
                        + " (an empty list captures all of them)");
            }
            remaining = ancestor.capture(remaining, released);
        }
        return Collections.unmodifiableList(remaining);
    }

    /** Captures what the ancestor did not release; returns what it released, in FIFO order. */
    private List<Intent> capture(List<Intent> offered, List<Intent> released) {
        List<Intent> kept = new ArrayList<>(released.size());
        for (Intent intent : offered) {
            if (containsIdentity(released, intent)) {
                kept.add(intent);
            } else {
                if (intents == null) {
                    intents = new ArrayList<>(offered.size());
                }
                if (captured == null) {
                    captured = new ArrayList<>(offered.size());
                }
                intents.add(intent);
                captured.add(intent);
                AirlockListener listener = AirlockListeners.installed();
                if (listener != null) {
                    listener.captured(this, intent);
                }
            }
        }
        if (kept.size() != released.size()) {
            throw new IllegalStateException(getClass().getName()
                    + ".beforeDescendantFlushes returned intents it was not offered: " + released);
        }
        return kept;
    }

    private static boolean containsIdentity(List<Intent> list, Intent intent) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == intent) {
                return true;
            }
        }
        return false;
    }

    private void requireFinishable(String operation) {
        switch (status) {
            case ACTIVE:
                throw new ScopeStateException("Cannot " + operation + " " + this + " while it is active: exit() it first");
            case FLUSHED:
            case DISCARDED:
                throw new ScopeStateException("Cannot " + operation + " " + this + ": it is already " + describeEnd());
            default:
                // NEW or EXITED
        }
    }

    private String describeEnd() {
        return status == Status.FLUSHED ? "flushed" : "discarded";
    }

    @Override
    public String toString() {
        String type = getClass().getSimpleName().isEmpty() ? getClass().getName() : getClass().getSimpleName();
        return type + "[policy=" + policy + ", intents=" + (intents == null ? 0 : intents.size())
                + ", " + status.name().toLowerCase() + "]";
    }
}
