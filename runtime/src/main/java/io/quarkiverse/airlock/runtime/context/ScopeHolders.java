package io.quarkiverse.airlock.runtime.context;

/**
 * The installed {@link ScopeHolder}. Plain Java uses threads; the Quarkus runtime installs a Vert.x aware holder at
 * start-up and restores the default at shutdown.
 */
public final class ScopeHolders {

    private static final ScopeHolder DEFAULT = new ThreadLocalScopeHolder();
    private static volatile ScopeHolder holder = DEFAULT;

    private ScopeHolders() {
    }

    public static ScopeHolder get() {
        return holder;
    }

    public static void install(ScopeHolder newHolder) {
        holder = newHolder == null ? DEFAULT : newHolder;
    }

    public static ScopeHolder threadLocal() {
        return DEFAULT;
    }
}
