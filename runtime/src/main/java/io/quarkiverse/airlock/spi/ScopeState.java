package io.quarkiverse.airlock.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * What Airlock knows about one unit of work in one place (a thread, or a Vert.x duplicated context): its current scope
 * and the local policy blocks it is inside. Confined to that place, so it is neither synchronized nor volatile.
 */
public final class ScopeState {

    private static final VarHandle OPEN_SCOPES;

    static {
        try {
            OPEN_SCOPES = MethodHandles.lookup().findVarHandle(ScopeState.class, "openScopes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The thread this state belongs to, or null for a place threads share. Final, so that a thread that finds another
     * thread's state through a data race ({@link ThreadStateSlots}) sees whose it is.
     */
    private final Thread owner;
    /** The platform thread whose open scopes this state counts (see {@link OpenScopes}); null when it counts none. */
    private final Thread counter;
    private Scope scope;
    private List<Policy> localPolicies = List.of();
    private int policyCallbacks;
    /** Written by {@link #counter} only, read by any thread summing the count. */
    private long openScopes;

    /** The state of a place that threads may share, such as a Vert.x duplicated context. */
    public ScopeState() {
        this.owner = null;
        this.counter = null;
    }

    /** The state of {@code owner}, which counts its own open scopes when {@code counts} (platform threads). */
    ScopeState(Thread owner, boolean counts) {
        this.owner = owner;
        this.counter = counts ? owner : null;
    }

    /**
     * Whether this state belongs to one thread ({@link ThreadLocalScopeHolder}'s) rather than to a place threads
     * share: only a thread's own state keeps the count of its {@link #policyCallbacks()}.
     */
    public boolean ownedByThread() {
        return owner != null;
    }

    /** The thread this state belongs to; null for a place threads share. */
    Thread owner() {
        return owner;
    }

    /**
     * How many policy callbacks run on this state's thread, one inside the other: the core refuses an enqueue while any
     * does. Kept in the thread's own state so that an enqueue on a plain thread finds it without a second lookup.
     */
    public int policyCallbacks() {
        return policyCallbacks;
    }

    public void policyCallbacks(int running) {
        this.policyCallbacks = running;
    }

    public Scope scope() {
        return scope;
    }

    public void scope(Scope scope) {
        this.scope = scope;
    }

    /** The local policies in force, outermost first; an immutable list shared with the intents that captured it. */
    public List<Policy> localPolicies() {
        return localPolicies;
    }

    public void localPolicies(List<Policy> localPolicies) {
        this.localPolicies = localPolicies;
    }

    boolean countsOpenScopes() {
        return counter != null;
    }

    Thread counter() {
        return counter;
    }

    void addOpenScopes(long delta) {
        // only the counting thread writes: a release store publishes the new value to a reader without a locked
        // instruction
        OPEN_SCOPES.setRelease(this, openScopes + delta);
    }

    long openScopes() {
        return (long) OPEN_SCOPES.getAcquire(this);
    }

    public boolean isEmpty() {
        return scope == null && localPolicies.isEmpty();
    }
}
