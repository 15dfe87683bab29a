package io.quarkiverse.airlock.runtime.config;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Airlock configuration fixed at build time and read at run time.
 */
@ConfigMapping(prefix = "quarkus.airlock")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface AirlockConfig {

    /**
     * How escaping intents run: `sync` (at flush, in the flushing thread), `worker` (the Quarkus worker pool),
     * `virtual-threads`, `event-bus` (the Vert.x event bus; the address is the task name and the arguments travel as
     * a JSON array), or the name of a CDI bean (`@Named`) implementing `io.quarkiverse.airlock.IntentExecutor`.
     */
    @WithDefault("sync")
    String executor();

    /**
     * The policy of scopes that do not choose one: `allow-all`, `drop-all`, `assert-no-effects`, `log-on-flush`, or
     * the fully qualified name of a class implementing `io.quarkiverse.airlock.Policy` (a CDI bean, or a class with a
     * no-arg constructor).
     */
    @WithDefault("allow-all")
    String policy();
}
