package io.quarkiverse.airlock.spi;

import java.util.List;

import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * What Airlock knows about one unit of work in one place (a thread, or a Vert.x duplicated context): its current scope
 * and the local policy blocks it is inside. Confined to that place, so it is neither synchronized nor volatile.
 */
public final class ScopeState {

    private final boolean ownedByThread;
    private Scope scope;
    private List<Policy> localPolicies = List.of();
    private int policyCallbacks;

    /** The state of a place that threads may share, such as a Vert.x duplicated context. */
    public ScopeState() {
        this(false);
    }

    ScopeState(boolean ownedByThread) {
        this.ownedByThread = ownedByThread;
    }

    /**
     * Whether this state belongs to one thread ({@link ThreadLocalScopeHolder}'s) rather than to a place threads
     * share: only a thread's own state keeps the count of its {@link #policyCallbacks()}.
     */
    public boolean ownedByThread() {
        return ownedByThread;
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

    public boolean isEmpty() {
        return scope == null && localPolicies.isEmpty();
    }
}
