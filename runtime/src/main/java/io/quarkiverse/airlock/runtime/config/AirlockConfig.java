package io.quarkiverse.airlock.runtime.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
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
     * a JSON array), `messaging` (a Quarkus Messaging channel, so Kafka, AMQP, RabbitMQ or Pulsar carry the intents;
     * needs the `quarkus-messaging` extension or one of its connectors), or the name of a CDI bean (`@Named`) implementing
     * `io.quarkiverse.airlock.IntentExecutor`.
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
     * Settings of one task, by its name (`@AirlockTask("name")`), checked at build time against the declared tasks.
     */
    @ConfigDocMapKey("task")
    @ConfigDocSection
    Map<String, Task> tasks();

    interface Task {

        /**
         * How many times an outbox row of this task is attempted before it is dead-lettered, instead of
         * `quarkus.airlock.outbox.max-attempts`. At least 1.
         */
        OptionalInt maxAttempts();

        /**
         * The wait before the first retry of this task's outbox rows, instead of
         * `quarkus.airlock.outbox.initial-backoff`. Longer than zero.
         */
        Optional<Duration> initialBackoff();

        /**
         * The longest wait between two attempts of this task's outbox rows, instead of
         * `quarkus.airlock.outbox.max-backoff`. Longer than zero.
         */
        Optional<Duration> maxBackoff();
    }

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
         * datasource (PostgreSQL, MariaDB or MySQL, or H2 with a single relay).
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * The JDBC datasource holding the outbox table: {@code <default>} for the default datasource, or the name of a named
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
         * a time), `event-bus`, `messaging` (a Quarkus Messaging channel, with the row id as message id; needs the
         * `quarkus-messaging` extension or one of its connectors), or the `@Named` name of a bean implementing
         * `io.quarkiverse.airlock.IntentExecutor`. Defaults to the value of `quarkus.airlock.executor`.
         */
        Optional<String> delivery();

        /**
         * Operators' endpoints for dead letters on the management interface.
         */
        Admin admin();

        interface Admin {

            /**
             * Whether the dead-letter endpoints are served on the management interface
             * (`<management root>/airlock/outbox/dead-letters`): list by task and age, resubmit and discard by id or
             * filter. Needs `quarkus.management.enabled=true` and an authentication mechanism on it
             * (`quarkus.management.auth.basic=true`, for instance); never served on the main HTTP port.
             */
            @WithDefault("false")
            boolean enabled();
        }
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

    /**
     * The `messaging` executor.
     */
    Messaging messaging();

    interface Messaging {

        /**
         * The outgoing channel intents are sent to. With `channel-per-task`, the prefix of one channel per task:
         * {@code <channel>-<task name>}. Configure the connector of each channel with the usual `mp.messaging.outgoing.*`
         * properties; a channel without a connector is delivered in-process to the consumer.
         */
        @WithDefault("airlock-intents")
        String channel();

        /**
         * Sends each task's intents to its own channel ({@code <channel>-<task name>}, for every `@AirlockTask` of the
         * application) instead of one shared channel. The task name also travels in the payload and the metadata,
         * so one shared channel is enough for most brokers.
         */
        @WithName("channel-per-task")
        @WithDefault("false")
        boolean channelPerTask();

        /**
         * How long dispatching waits for the broker to accept a message before it fails, when the dispatching thread
         * may block. On an event-loop thread the send is not awaited and a refusal is logged.
         */
        @WithName("ack-timeout")
        @WithDefault("10s")
        Duration ackTimeout();

        /**
         * The receiving side.
         */
        Consumer consumer();
    }

    interface Consumer {

        /**
         * Consumes intents from the incoming channel(s) and runs the local `@AirlockTask` handler of each, so one
         * application can both send and handle them. Turn it off when other applications handle the intents.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The incoming channel (with `channel-per-task`, the prefix of one channel per task). Defaults to the outgoing
         * channel, which delivers in-process when neither channel has a connector. With a broker, give it a different
         * name and configure its connector with `mp.messaging.incoming.*`.
         */
        Optional<String> channel();

        /**
         * How many recently handled message ids the consumer remembers to drop duplicates: a message resent after a
         * failed or unconfirmed send, or redelivered by the broker, runs its handler only once while its id is
         * remembered. Per application instance and in memory only; `0` turns it off.
         */
        @WithName("dedupe-window")
        @WithDefault("10000")
        int dedupeWindow();
    }
}
