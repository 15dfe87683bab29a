package io.quarkiverse.airlock.it.docs;

import java.util.List;
import java.util.Set;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

// tag::releasing-scope[]
/** A batch scope: nested scopes dispatch some tasks at once; the rest waits until the batch flushes. */
public class ReleasingScope extends Scope {

    private final Set<String> immediate;

    public ReleasingScope(Policy policy, String... immediateTasks) {
        super(policy);
        this.immediate = Set.of(immediateTasks);
    }

    @Override
    protected List<Intent> beforeDescendantFlushes(Scope exiting, List<Intent> intents) {
        // what this returns, the nested scope dispatches itself; the rest is captured here
        return intents.stream().filter(intent -> immediate.contains(intent.name())).toList();
    }
}
// end::releasing-scope[]
