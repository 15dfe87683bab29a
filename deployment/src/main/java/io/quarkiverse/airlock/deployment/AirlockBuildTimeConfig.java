package io.quarkiverse.airlock.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Airlock configuration read only while building the application.
 */
@ConfigMapping(prefix = "quarkus.airlock")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface AirlockBuildTimeConfig {

    /**
     * What the build does about application code that calls an `@AirlockTask` method directly, so that its side
     * effect bypasses every scope: `warn` (one warning listing each call site), `fail` (the build fails with that
     * list) or `ignore`. Call sites in code annotated `@AirlockDirectCall` are never reported.
     */
    @WithName("direct-calls")
    @WithDefault("warn")
    DirectCalls directCalls();

    /**
     * Migration aid: a direct call to an `@AirlockTask` method made inside a scope is enqueued as an intent of that
     * scope instead of running, with a warning naming the call site (once per call site); outside a scope the call
     * runs as before. Meant for moving existing code to Airlock step by step, not as the steady state.
     */
    @WithName("intercept-direct-calls")
    @WithDefault("false")
    boolean interceptDirectCalls();

    /**
     * Health checks.
     */
    Health health();

    interface Health {

        /**
         * Whether the outbox's readiness check is registered, when the application has the `quarkus-smallrye-health`
         * extension and `quarkus.airlock.outbox.enabled=true`. It is DOWN when the outbox table cannot be reached, and
         * when the relay of this instance is stopped or has made no progress for too long.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** Reactions to direct calls of task methods. */
    enum DirectCalls {
        /** One build warning listing each call site. */
        WARN,
        /** The build fails, listing each call site. */
        FAIL,
        /** No check. */
        IGNORE
    }
}
