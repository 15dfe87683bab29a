package io.quarkiverse.airlock;

import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.ScopeState;

/**
 * Marks the calling thread as running inside a policy callback, so that an enqueue from there fails. Policy callbacks
 * run synchronously, so a count per thread is exact even on Vert.x contexts; it always returns to zero. The count lives
 * in the thread's own {@link ScopeState}: on a plain thread the state an enqueue looks up anyway.
 */
final class PolicyGuard {

    private PolicyGuard() {
    }

    /** The calling thread's guard; look it up once per enqueue or flush and pass it along. */
    static ScopeState here() {
        return AirlockHooks.threadLocalScopes().currentOrCreate();
    }

    /** The calling thread's guard, which is {@code current} itself when the current state is the thread's own. */
    static ScopeState here(ScopeState current) {
        return current != null && current.ownedByThread() ? current : here();
    }

    static boolean running(ScopeState guard) {
        return guard.policyCallbacks() > 0;
    }

    static void onEnqueue(ScopeState guard, Policy policy, Intent intent) {
        guard.policyCallbacks(guard.policyCallbacks() + 1);
        try {
            policy.onEnqueue(intent);
        } finally {
            guard.policyCallbacks(guard.policyCallbacks() - 1);
        }
    }

    static boolean allows(Policy policy, Intent intent) {
        return allows(here(), policy, intent);
    }

    static boolean allows(ScopeState guard, Policy policy, Intent intent) {
        guard.policyCallbacks(guard.policyCallbacks() + 1);
        try {
            return policy.allows(intent);
        } finally {
            guard.policyCallbacks(guard.policyCallbacks() - 1);
        }
    }
}
