package io.quarkiverse.airlock.runtime.config;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Airlock configuration read at run time.
 */
@ConfigMapping(prefix = "quarkus.airlock")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface AirlockRuntimeConfig {

    /**
     * Whether escaping intents are dispatched. When `false`, scopes still open, validate and buffer intents, so code
     * that enqueues keeps working, but the configured executor is replaced by one that drops every escaping intent: for
     * maintenance windows, read-only replicas and dry runs of a whole deployment.
     */
    @WithDefault("true")
    boolean enabled();
}
