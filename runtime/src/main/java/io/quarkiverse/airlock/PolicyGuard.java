package io.quarkiverse.airlock;

/**
 * Marks the calling thread as running inside a policy callback, so that an enqueue from there fails. Policy callbacks
 * run synchronously, so a thread-local is exact even on Vert.x contexts; the counter always returns to zero.
 */
final class PolicyGuard {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private PolicyGuard() {
    }

    static int[] enter() {
        int[] depth = DEPTH.get();
        depth[0]++;
        return depth;
    }

    static void exit(int[] depth) {
        depth[0]--;
    }

    /** The calling thread's depth counter; look it up once per enqueue and pass it along. */
    static int[] depth() {
        return DEPTH.get();
    }

    static void onEnqueue(int[] depth, Policy policy, Intent intent) {
        depth[0]++;
        try {
            policy.onEnqueue(intent);
        } finally {
            depth[0]--;
        }
    }

    static boolean allows(Policy policy, Intent intent) {
        return allows(DEPTH.get(), policy, intent);
    }

    /** For loops over many intents: the depth counter is looked up once by the caller. */
    static boolean allows(int[] depth, Policy policy, Intent intent) {
        depth[0]++;
        try {
            return policy.allows(intent);
        } finally {
            exit(depth);
        }
    }
}
