package io.quarkiverse.airlock.spi;

import java.util.List;

import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * What Airlock knows about one unit of work in one place (a thread, or a Vert.x duplicated context): its current scope
 * and the local policy blocks it is inside. Confined to that place, so it is neither synchronized nor volatile.
 */
public final class ScopeState {

    private Scope scope;
    private List<Policy> localPolicies = List.of();

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
