package io.quarkiverse.airlock.runtime.config;

import java.time.Duration;
import java.util.Optional;

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
     * maintenance windows, read-only replicas and dry runs of a whole deployment. With the outbox on, escaping intents
     * are still written to its table, so that none is lost, but this instance does not relay them (a warning at
     * start-up says so).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Durable transactional outbox: what may change between runs of the same build.
     */
    Outbox outbox();

    interface Outbox {

        /**
         * Whether the outbox table and its index are created at start-up when missing. Defaults to `true` in dev and
         * test mode and to `false` in production, where the shipped Flyway or Liquibase scripts create them.
         */
        Optional<Boolean> createSchema();

        /**
         * Whether this instance relays rows. Instances that only write (web nodes next to dedicated workers) set it to
         * `false`.
         */
        @WithDefault("true")
        boolean relayEnabled();

        /**
         * How many rows the relay claims at a time. At least 1.
         */
        @WithDefault("100")
        int batchSize();

        /**
         * How often the relay looks for rows that are due (left over by a crash, or waiting for a retry). Commits in
         * this instance wake it at once. Longer than zero.
         */
        @WithDefault("5s")
        Duration pollInterval();

        /**
         * How many times a row is attempted before it is dead-lettered. At least 1. With the default backoff
         * (`1s` doubling up to `30m`), the 15 attempts span between 62 minutes and 2 hours 4 minutes from the first
         * failure to the dead letter, depending on the jitter: an outage of an hour loses nothing. Tasks may override
         * it with `quarkus.airlock.tasks."name".max-attempts`.
         */
        @WithDefault("15")
        int maxAttempts();

        /**
         * The wait before the first retry; it doubles with each further attempt, with random jitter. Longer than zero,
         * and no longer than `max-backoff`.
         */
        @WithDefault("1s")
        Duration initialBackoff();

        /**
         * The longest wait between two attempts. Longer than zero.
         */
        @WithDefault("30m")
        Duration maxBackoff();

        /**
         * How long a claimed row is reserved for the relay that claimed it. The relay renews the lease of the rows it
         * still holds (waiting or running) every third of this time; when it dies, another relay takes its rows over
         * once their lease ends, and the same instance reclaims them at once when it starts again. Longer than zero.
         */
        @WithDefault("5m")
        Duration lease();

        /**
         * How long a row's handler may run. Past it the attempt counts as failed (retried with backoff, or
         * dead-lettered after the last attempt), the relay goes on with the next row on a new thread, and, when the
         * handler runs in the row's transaction, that transaction is rolled back. Longer than zero.
         */
        @WithDefault("1m")
        Duration handlerTimeout();

        /**
         * Whether a handler the relay runs in this process (delivery `sync`, `worker`, or an `IntentExecutor` bean) runs
         * in a JTA transaction together with the statement that marks its row done. A handler whose writes go to the
         * outbox's datasource (its `@Transactional` methods join) then commits them with the row's completion, or not
         * at all: its database effects happen exactly once, even across a crash. A handler that must commit on its own
         * opts out with `@Transactional(REQUIRES_NEW)` or `NOT_SUPPORTED`. Hand-offs to other nodes (event bus,
         * messaging) never run in it.
         */
        @WithDefault("true")
        boolean handlerTransaction();

        /**
         * How many rows the relay runs at once with `delivery=worker`, each on the worker pool. A crash replays at most
         * this many rows. The `sync` delivery runs one row at a time. At least 1.
         */
        @WithDefault("8")
        int workerConcurrency();

        /**
         * This instance's name in the outbox table's `owner` column: which relay holds a claimed row. Stable across
         * restarts of the same instance (so that it reclaims at once the rows it held when it died) and unique among
         * the instances running at the same time. Defaults to the host name (a pod's name on Kubernetes). On
         * PostgreSQL and MariaDB a relay that finds its name in use by a live relay of the same table takes a random one
         * instead, with a warning.
         */
        Optional<String> instanceId();

        /**
         * Operators' endpoints for dead letters (`quarkus.airlock.outbox.admin.enabled`).
         */
        Admin admin();

        interface Admin {

            /**
             * The role a caller needs for the dead-letter endpoints. Unauthenticated calls get 401, calls without the
             * role 403.
             */
            @WithDefault("airlock-admin")
            String role();
        }

        /**
         * How long a row written for a nested scope waits for the scope that captured its intent to decide. Such a row
         * is written in the nested scope's transaction, so a rollback leaves none; it is released when the enclosing
         * scope flushes and withdrawn when it discards. If the process dies before that (or the scope never ends), the
         * relay delivers the row once this time has passed: its transaction committed. Longer than zero; longer than
         * the longest unit of work that encloses a transaction.
         */
        @WithDefault("5m")
        Duration holdTimeout();

        /**
         * How long delivered rows are kept (status `DONE`) before they are purged; `0` deletes them at once. Not
         * negative.
         */
        @WithDefault("0s")
        Duration retention();

        /**
         * Intents with an ordering key: see `IntentBuilder.orderingKey`.
         */
        Ordering ordering();
    }

    interface Ordering {

        /**
         * What a dead-lettered intent with an ordering key does to the later intents of its key. `block`: they wait
         * until it is resubmitted and delivered, or discarded, so that none runs before it. `continue`: they go on
         * without it; resubmitted, it runs on its own, out of its key's order.
         */
        @WithDefault("block")
        OnDeadLetter onDeadLetter();
    }

    enum OnDeadLetter {
        BLOCK,
        CONTINUE
    }
}
