package io.quarkiverse.airlock;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Blocks the named tasks: they are dropped at flush (or, with {@code raiseOnEnqueue}, rejected at enqueue); every
 * other intent escapes.
 */
public class BlockTasks implements Policy {

    /** Looked up on every enqueue (with raiseOnEnqueue) and every flush: the set itself, no unmodifiable wrapper. */
    private final HashSet<String> lookup;
    private final Set<String> blocked;
    private final boolean raiseOnEnqueue;

    public BlockTasks(String... names) {
        this(names == null ? null : Set.of(names), false);
    }

    public BlockTasks(Set<String> names, boolean raiseOnEnqueue) {
        if (names == null) {
            throw new IllegalArgumentException("BlockTasks: the set of task names must not be null");
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("BlockTasks: task names must not be null or blank, got " + names);
            }
        }
        // a HashSet compares cached hashes before calling equals: an absent name (the common case) costs one probe,
        // where Set.copyOf's open addressing calls equals on every slot it probes
        this.lookup = new HashSet<>(names);
        this.blocked = Collections.unmodifiableSet(lookup);
        this.raiseOnEnqueue = raiseOnEnqueue;
    }

    @Override
    public void onEnqueue(Intent intent) {
        if (raiseOnEnqueue && lookup.contains(intent.name())) {
            throw new PolicyViolationException("BlockTasks: task '" + intent.name() + "' is blocked here (" + intent + ")");
        }
    }

    @Override
    public boolean allows(Intent intent) {
        return !lookup.contains(intent.name());
    }

    /** The blocked task names. */
    public Set<String> blockedTasks() {
        return blocked;
    }

    public boolean raisesOnEnqueue() {
        return raiseOnEnqueue;
    }

    @Override
    public String toString() {
        return "BlockTasks" + new TreeSet<>(blocked) + (raiseOnEnqueue ? "(raise on enqueue)" : "");
    }
}
