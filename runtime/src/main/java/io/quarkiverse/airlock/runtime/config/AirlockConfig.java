package io.quarkiverse.airlock.runtime.config;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

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

    /**
     * HTTP integration.
     */
    Http http();

    /**
     * Durable transactional outbox.
     */
    Outbox outbox();

    interface Outbox {

        /**
         * Writes every escaping intent to an outbox table, in the transaction the scope flushes in, instead of
         * dispatching it; a relay then dispatches the committed rows through `delivery`, with retries. Needs a JDBC
         * datasource (PostgreSQL, or H2 with a single relay).
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * The JDBC datasource holding the outbox table: `<default>` for the default datasource, or the name of a named
         * one.
         */
        @WithDefault("<default>")
        String datasource();

        /**
         * The outbox table (optionally schema-qualified).
         */
        @WithDefault("airlock_outbox")
        String table();

        /**
         * How the relay dispatches a committed row: `sync` (in the relay thread), `worker` (the worker pool, a batch at
         * a time), `event-bus`, or the `@Named` name of a bean implementing `io.quarkiverse.airlock.IntentExecutor`.
         * Defaults to the value of `quarkus.airlock.executor`.
         */
        Optional<String> delivery();
    }

    interface Http {

        /**
         * Makes every HTTP request a scope, whatever serves it (REST endpoints on the event loop, on worker or virtual
         * threads, Vert.x routes): a final status of 1xx to 3xx flushes, 4xx, 5xx and failures discard. An
         * `@AirlockScope` method called during the request opens a nested scope.
         */
        @WithName("auto-scope")
        @WithDefault("false")
        boolean autoScope();
    }
}
