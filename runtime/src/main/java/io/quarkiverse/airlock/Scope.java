package io.quarkiverse.airlock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkiverse.airlock.spi.BuiltinExecutor;
import io.quarkiverse.airlock.spi.DispatchDeferral;
import io.quarkiverse.airlock.spi.ExecutorTraits;
import io.quarkiverse.airlock.spi.OpenScopes;
import io.quarkiverse.airlock.spi.ScopeHolder;
import io.quarkiverse.airlock.spi.ScopeState;
import io.quarkiverse.airlock.spi.TransactionGate;
import io.quarkiverse.airlock.spi.TransactionOutcome;

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

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

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
    /** The policy is exactly AllowAll, whose callbacks do nothing: most scopes skip them. */
    private final boolean allowsEverything;

    private ArrayList<Intent> intents;
    private List<Intent> captured;
    /** Whether some intent here carries what this scope knows of it (see {@link Intent#captured()}). */
    private boolean remembers;
    private Scope parent;
    /** The local policies in force where this scope was entered, restored when it exits. */
    private List<Policy> enteredPolicies;
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
        ExecutorTraits traits = ExecutorTraits.of(this.executor);
        this.validatesTasks = traits.checksTasks();
        this.requiresLocalHandler = traits.requiresLocalHandler();
        this.allowsEverything = this.policy.getClass() == AllowAll.class;
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
        ScopeState state = AirlockHooks.scopes().currentOrCreate();
        parent = state.scope();
        enteredPolicies = state.localPolicies();
        state.scope(this);
        status = Status.ACTIVE;
        OpenScopes.opened(state);
        listeners().scopeEntered(this);
        return this;
    }

    /**
     * Restores the scope that was current before {@link #enter()}. Does not flush or discard.
     *
     * @throws ScopeStateException if this scope is not the current one where the caller runs
     */
    public void exit() {
        ScopeHolder holder = AirlockHooks.scopes();
        ScopeState state = holder.current();
        if (state == null || state.scope() != this) {
            if (status == Status.ACTIVE && state != null && encloses(state.scope())) {
                List<Scope> leftOpen = unwindTo(state);
                restore(holder, state);
                throw new ScopeStateException(this + " exited while nested " + leftOpen + " still open: they were"
                        + " discarded; exit nested scopes before the scope that encloses them");
            }
            throw new ScopeStateException(status == Status.ACTIVE
                    ? this + " is not the current scope here: exit nested scopes first, in the thread or context that entered them"
                    : this + " is not active; exit() must follow enter()");
        }
        restore(holder, state);
    }

    /** Gives the thread or context back as it was before {@link #enter()}. */
    private void restore(ScopeHolder holder, ScopeState state) {
        state.scope(parent);
        if (state.localPolicies() != enteredPolicies) {
            // usually the same list (no policy block opened inside the scope): a write into the long-lived state
            // costs a garbage-collector barrier even when it changes nothing
            state.localPolicies(enteredPolicies);
        }
        enteredPolicies = null;
        status = Status.EXITED;
        OpenScopes.closed(state);
        holder.released(state);
        listeners().scopeExited(this);
    }

    /** Whether {@code nested} is this scope or was entered, directly or not, while this one was current. */
    private boolean encloses(Scope nested) {
        for (Scope scope = nested; scope != null; scope = scope.parent) {
            if (scope == this) {
                return true;
            }
        }
        return false;
    }

    /** Discards the scopes a body left open above this one; they can no longer end normally. */
    private List<Scope> unwindTo(ScopeState state) {
        List<Scope> leftOpen = new ArrayList<>(2);
        for (Scope scope = state.scope(); scope != this; scope = scope.parent) {
            scope.status = Status.EXITED;
            OpenScopes.closed(state);
            leftOpen.add(scope);
            scope.discard("left open when " + this + " exited");
        }
        return leftOpen;
    }

    /**
     * Offers the intents to the enclosing active scopes, applies the policies to what they leave, dispatches the
     * survivors in FIFO order, and returns them.
     *
     * @throws ScopeStateException if the scope is active, flushed or discarded
     */
    public List<Intent> flush() {
        requireFinishable("flush");
        status = Status.FLUSHED;
        // the enclosing scopes capture first, before any policy: policies apply where the intent finally escapes
        List<Intent> escaping = allowed(offerToAncestors(intents == null ? List.of() : intents));
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
        // nothing is added to a discarded scope: a read-only view is the list as it will stay
        List<Intent> dropped = intents == null ? List.of() : Collections.unmodifiableList(intents);
        listeners().discarded(this, dropped, reason);
        if (remembers) {
            for (Intent intent : intents) {
                forgetHeld(intent);
            }
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
        ScopeState state = AirlockHooks.scopes().current();
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
     * @param intents what the nested scope buffered and the ancestors asked before released, before any policy: the
     *        policies apply where an intent finally escapes
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
        DispatchDeferral deferral = AirlockHooks.deferral();
        if (remembers) {
            intents = releaseCaptured(intents, deferral);
        }
        if (deferral != null && deferral.defer(intents, executor)) {
            return;
        }
        AirlockListener listener = listeners();
        if (executor instanceof BuiltinExecutor) {
            // one of Airlock's own: it may store the scope's intents together
            ((BuiltinExecutor) executor).dispatchAll(intents, listener);
            return;
        }
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            listener.dispatching(intent, executor);
            executor.dispatch(intent);
        }
    }

    /**
     * Lets go of captured intents that are already stored (they were held in the transaction of the nested scope) and
     * hands those whose transaction still runs elsewhere to it; returns the others, to dispatch here.
     */
    private List<Intent> releaseCaptured(List<Intent> intents, DispatchDeferral deferral) {
        List<Intent> here = null;
        List<Intent> waiting = null;
        TransactionGate waitingFor = null;
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            Captured info = intent.captured();
            boolean elsewhere = false;
            if (info != null && info.held != null) {
                listeners().dispatching(intent, executor);
                info.holder.release(info.held, intent);
                elsewhere = true;
            } else if (info != null && info.gate != null && info.gate.outcome() == TransactionOutcome.ACTIVE
                    && deferral != null && info.gate != deferral.gate()) {
                if (waiting == null) {
                    waiting = new ArrayList<>();
                    waitingFor = info.gate;
                }
                if (info.gate == waitingFor) {
                    waiting.add(intent);
                } else {
                    info.gate.dispatchAfterCommit(List.of(intent), executor);
                }
                elsewhere = true;
            }
            if (elsewhere && here == null) {
                here = new ArrayList<>(intents.subList(0, i));
            } else if (!elsewhere && here != null) {
                here.add(intent);
            }
        }
        if (waiting != null) {
            waitingFor.dispatchAfterCommit(waiting, executor);
        }
        return here == null ? intents : here;
    }

    /** Buffers an intent enqueued while this scope is current, after validation and the onEnqueue callbacks. */
    void accept(Intent intent, ScopeState guard) {
        if (status == Status.FLUSHED || status == Status.DISCARDED) {
            throw new ScopeStateException("Cannot enqueue '" + intent.name() + "' into " + this + ": it is already "
                    + describeEnd());
        }
        if (validatesTasks) {
            if (intent.actionOrNull() == null) {
                AirlockHooks.tasks().validate(intent.name(), intent.args(), requiresLocalHandler);
            }
            ((BuiltinExecutor) executor).checkEnqueued(intent);
        }
        List<Policy> locals = intent.localPolicies();
        for (int i = locals.size() - 1; i >= 0; i--) {
            PolicyGuard.onEnqueue(guard, locals.get(i), intent);
        }
        if (!allowsEverything) {
            PolicyGuard.onEnqueue(guard, policy, intent);
        }
        buffer(intent);
        listeners().enqueued(this, intent);
    }

    private void buffer(Intent intent) {
        if (intents == null) {
            // room for a typical unit of work's side effects without growing; less than ArrayList's default of 10
            intents = new ArrayList<>(8);
        } else {
            int size = intents.size();
            if (size >= 8 && (size & (size - 1)) == 0) {
                // full (capacity is the size at each power of two): double rather than grow by half, so that a scope
                // buffering many intents copies and allocates about half as much
                intents.ensureCapacity(size << 1);
            }
        }
        intents.add(intent);
    }

    /** What passes the transactions and policies, in FIFO order; {@code candidates} itself when everything does. */
    private List<Intent> allowed(List<Intent> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Intent> allowed = candidates;
        AirlockListener listener = AirlockHooks.listener();
        // looked up only when a policy is asked: AllowAll alone, the common case, asks none
        ScopeState guard = null;
        for (int i = 0; i < candidates.size(); i++) {
            Intent intent = candidates.get(i);
            Captured info = intent.captured();
            boolean passes = info == null || info.gate == null || committedOrRunning(info.gate, intent, listener);
            if (passes && (!allowsEverything || !intent.localPolicies().isEmpty() || info != null)) {
                if (guard == null) {
                    guard = PolicyGuard.here();
                }
                Policy denying = denyingPolicy(guard, intent, info);
                if (denying != null) {
                    passes = false;
                    if (listener != null) {
                        listener.dropped(this, intent, denying);
                    }
                    forgetHeld(intent);
                }
            }
            if (passes) {
                if (allowed != candidates) {
                    allowed.add(intent);
                }
            } else if (allowed == candidates) {
                allowed = new ArrayList<>(candidates.subList(0, i));
            }
        }
        return allowed == candidates ? Collections.unmodifiableList(candidates) : allowed;
    }

    /** Whether the transaction a captured intent was flushed in lets it go on; says why when it does not. */
    private static boolean committedOrRunning(TransactionGate gate, Intent intent, AirlockListener listener) {
        switch (gate.outcome()) {
            case ROLLED_BACK:
                if (listener != null) {
                    listener.rolledBack(List.of(intent));
                }
                return false;
            case UNKNOWN:
                LOG.warnf("Airlock did not dispatch %s: the transaction it was flushed in ended neither committed nor"
                        + " rolled back, so whether its data was committed is unknown; run it again by hand if it was",
                        intent);
                return false;
            default:
                return true;
        }
    }

    /**
     * The first policy that does not allow the intent, null when all allow it: its local policies innermost first,
     * then those of the scopes it was captured from, innermost first, then this scope's.
     */
    private Policy denyingPolicy(ScopeState guard, Intent intent, Captured info) {
        List<Policy> locals = intent.localPolicies();
        for (int i = locals.size() - 1; i >= 0; i--) {
            if (!PolicyGuard.allows(guard, locals.get(i), intent)) {
                return locals.get(i);
            }
        }
        if (info != null) {
            for (int i = 0; i < info.scopePolicies.length; i++) {
                if (!PolicyGuard.allows(guard, info.scopePolicies[i], intent)) {
                    return info.scopePolicies[i];
                }
            }
        }
        return allowsEverything || PolicyGuard.allows(guard, policy, intent) ? null : policy;
    }

    private void forgetHeld(Intent intent) {
        Captured info = intent.captured();
        if (info != null && info.held != null
                && (info.gate == null || info.gate.outcome() != TransactionOutcome.ROLLED_BACK)) {
            info.holder.forget(info.held, intent);
        }
    }

    private List<Intent> offerToAncestors(List<Intent> candidates) {
        List<Intent> remaining = candidates;
        boolean gateKnown = false;
        TransactionGate gate = null;
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
            if (!gateKnown && released.size() < remaining.size()) {
                // looked up once per flush, and only when something is captured
                DispatchDeferral deferral = AirlockHooks.deferral();
                gate = deferral == null ? null : deferral.gate();
                gateKnown = true;
            }
            remaining = ancestor.capture(this, remaining, released, gate);
        }
        return remaining;
    }

    /** Captures what the ancestor did not release; returns what it released, in FIFO order. */
    private List<Intent> capture(Scope exiting, List<Intent> offered, List<Intent> released, TransactionGate gate) {
        if (released.isEmpty()) {
            for (int i = 0; i < offered.size(); i++) {
                take(exiting, offered.get(i), gate);
            }
            return List.of();
        }
        List<Intent> kept = new ArrayList<>(released.size());
        for (Intent intent : offered) {
            if (containsIdentity(released, intent)) {
                kept.add(intent);
            } else {
                take(exiting, intent, gate);
            }
        }
        if (kept.size() != released.size()) {
            throw new IllegalStateException(getClass().getName()
                    + ".beforeDescendantFlushes returned intents it was not offered: " + released);
        }
        return kept;
    }

    /**
     * Takes one intent a nested scope flushed into this one: this scope's policy sees it as if it were enqueued here
     * (so a purity check sees through nested scopes), then it waits for this scope's end.
     */
    private void take(Scope exiting, Intent intent, TransactionGate gate) {
        try {
            if (!allowsEverything) {
                PolicyGuard.onEnqueue(PolicyGuard.here(), policy, intent);
            }
        } catch (PolicyViolationException e) {
            throw new PolicyViolationException(e.getMessage() + " [enqueued in nested " + exiting.describe()
                    + ", captured by " + describe() + "]", e);
        }
        Captured before = intent.captured();
        if (captured == null) {
            captured = new ArrayList<>(8);
        }
        buffer(intent);
        captured.add(intent);
        AirlockListener listener = AirlockHooks.listener();
        if (listener != null) {
            listener.captured(this, intent);
        }
        Captured info = Captured.from(before, exiting.policy, gate);
        if (info != null) {
            remember(intent, info, before == null || before.gate == null ? listener : null);
        }
    }

    /** How many intents are buffered here: a mark for {@link #bindSince}. */
    int size() {
        return intents == null ? 0 : intents.size();
    }

    /** Binds intents buffered here since {@code mark} and not bound yet to the transaction behind {@code gate}. */
    void bindSince(int mark, TransactionGate gate) {
        AirlockListener listener = AirlockHooks.listener();
        for (int i = mark; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            Captured before = intent.captured();
            if (before == null) {
                remember(intent, Captured.bound(gate), listener);
            } else if (before.gate == null) {
                remember(intent, before.waitingFor(gate), listener);
            }
        }
    }

    /**
     * Keeps what this scope knows of an intent; one bound to a running transaction is stored by an executor that
     * writes in it (the outbox), so that a rollback takes it and a commit keeps it whatever becomes of this process.
     *
     * @param listener told that the intent waits for a commit; null when it was told already
     */
    private void remember(Intent intent, Captured info, AirlockListener listener) {
        boolean waits = info.gate != null && info.gate.outcome() == TransactionOutcome.ACTIVE;
        if (waits && info.held == null && ExecutorTraits.of(executor).joinsTransaction()) {
            BuiltinExecutor holder = (BuiltinExecutor) executor;
            Object held = holder.hold(intent);
            if (held != null) {
                info = info.holding(holder, held);
            }
        }
        intent.captured(info);
        remembers = true;
        if (waits && listener != null) {
            listener.deferred(List.of(intent));
        }
    }

    /** The scope's origin when it has one, for messages. */
    private String describe() {
        return origin != null ? "scope " + origin : toString();
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

    /** The installed listener, or one that ignores everything: callers need not check. */
    private static AirlockListener listeners() {
        AirlockListener listener = AirlockHooks.listener();
        return listener == null ? AirlockListener.NONE : listener;
    }
}
