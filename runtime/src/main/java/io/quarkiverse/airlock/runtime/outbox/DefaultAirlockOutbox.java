package io.quarkiverse.airlock.runtime.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.DeadLetterFilter;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.config.AirlockRuntimeConfig;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.quarkiverse.airlock.runtime.executor.WorkerPoolExecutor;
import io.quarkiverse.airlock.spi.ExecutorTraits;
import io.quarkiverse.airlock.spi.SyncExecutor;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The outbox of the application: started by the recorder when {@code quarkus.airlock.outbox.enabled=true}, it owns
 * the table, the executor that writes to it and the relay that delivers from it.
 */
@Singleton
public class DefaultAirlockOutbox implements AirlockOutbox {

    private volatile OutboxStore store;
    private volatile OutboxRelay relay;
    private volatile RelayIdentity identity;
    private volatile String datasource;
    private volatile OutboxStatistics statistics;

    /**
     * Creates the schema if configured, starts the relay, and returns the executor that writes to the table.
     *
     * @param delivery the executor named by {@code quarkus.airlock.outbox.delivery}
     * @param tasks the tasks whose retries differ from the outbox's ({@code quarkus.airlock.tasks."name".*})
     * @param relays false when Airlock is disabled: intents are still stored, so that nothing is lost, but this
     *        instance delivers none of them
     */
    public IntentExecutor start(AirlockConfig.Outbox config, AirlockRuntimeConfig.Outbox tuning,
            Map<String, AirlockConfig.Task> tasks, IntentExecutor delivery, boolean relays) {
        OutboxRelay.Settings settings = OutboxSettings.validated(tuning, tasks);
        AgroalDataSource dataSource = AgroalDataSourceUtil.dataSourceInstance(config.datasource()).get();
        OutboxStore table = new OutboxStore(dataSource, config.table(),
                tuning.ordering().onDeadLetter() == AirlockRuntimeConfig.OnDeadLetter.BLOCK);
        if (tuning.createSchema().orElse(LaunchMode.current() != LaunchMode.NORMAL)) {
            new OutboxSchema(table).create();
        }
        this.datasource = config.datasource();
        this.statistics = new OutboxStatistics(table);
        boolean runsHandlers = delivery == SyncExecutor.INSTANCE || delivery instanceof WorkerPoolExecutor;
        this.store = table;
        Runnable nudge = () -> {
        };
        Consumer<OffsetDateTime> dueLater = due -> {
        };
        if (tuning.relayEnabled() && relays) {
            OutboxRelay started = relay(table, tuning, settings, delivery, runsHandlers);
            this.relay = started;
            // commits before start-up completes only wake it: it starts once the application is up (onStart)
            nudge = started::nudge;
            dueLater = started::dueAt;
        }
        TransactionSynchronizationRegistry transactions = Arc.container()
                .instance(TransactionSynchronizationRegistry.class).get();
        boolean requiresLocalHandler = runsHandlers
                || ExecutorTraits.of(delivery).requiresLocalHandler();
        return new OutboxExecutor(table, transactions, Arc.container().instance(TransactionManager.class).get(), nudge,
                dueLater, requiresLocalHandler, tuning.holdTimeout());
    }

    private OutboxRelay relay(OutboxStore table, AirlockRuntimeConfig.Outbox tuning, OutboxRelay.Settings settings,
            IntentExecutor delivery, boolean runsHandlers) {
        Lanes lanes = Lanes.dedicated("airlock-outbox-handler");
        if (delivery instanceof WorkerPoolExecutor) {
            Vertx vertx = Arc.container().instance(Vertx.class).get();
            lanes = Lanes.onPool(tuning.workerConcurrency(), lane -> Contexts.fresh(vertx).<Void> executeBlocking(() -> {
                lane.run();
                return null;
            }, false));
        }
        // in process: the relay's own handlers, or an IntentExecutor bean; not a hand-off to another node
        boolean inProcess = runsHandlers || !ExecutorTraits.of(delivery).checksTasks();
        RowTransaction transaction = inProcess && tuning.handlerTransaction()
                ? RowTransaction.jta(Arc.container().instance(TransactionManager.class).get())
                : RowTransaction.NONE;
        identity = RelayIdentity.claim(table, tuning.instanceId());
        return new OutboxRelay(table, identity.name(), delivery, runsHandlers, lanes, transaction, settings);
    }

    /**
     * Starts the relay once the application is up, after its own start-up observers, so handlers find what they
     * need; then it delivers the rows left over from the previous run.
     */
    /**
     * Checks the table before anything else runs at start-up, and after the migrations Flyway or Liquibase run when
     * the application starts: a missing table stops the start-up with what to do, instead of failing every business
     * transaction that reaches the outbox.
     */
    void checkSchema(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        OutboxStore table = store;
        if (table != null) {
            new OutboxSchema(table).verify(datasource);
        }
    }

    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        OutboxRelay configured = relay;
        if (configured != null) {
            configured.start("airlock-outbox-relay");
        }
    }

    public void stop() {
        OutboxRelay running = relay;
        relay = null;
        if (running != null) {
            running.stop();
        }
        RelayIdentity held = identity;
        identity = null;
        if (held != null) {
            held.close();
        }
        store = null;
        statistics = null;
    }

    /** The state of this instance's relay; empty when it does not relay (relay disabled, or Airlock disabled). */
    public Optional<RelayStatus> relayStatus() {
        OutboxRelay running = relay;
        return running == null ? Optional.empty() : Optional.of(running.status());
    }

    /** Where the relay reports each outcome (metrics). */
    public void signals(RelaySignals signals) {
        OutboxRelay running = relay;
        if (running != null) {
            running.signals(signals);
        }
    }

    /** Checks that the table answers; throws with the database's reason when it does not. */
    public void checkTable() {
        store().count(OutboxEntry.PENDING, OutboxEntry.QUEUED);
    }

    /**
     * The table's rows by status and the age of the oldest due row, for gauges and the readiness check: one query,
     * bounded in time, its answer reused for up to a second. Throws with the database's reason when it cannot answer.
     */
    public OutboxSnapshot snapshot() {
        OutboxStatistics current = statistics;
        if (current == null) {
            throw new IllegalStateException("The Airlock outbox is not running: set quarkus.airlock.outbox.enabled=true");
        }
        return current.snapshot();
    }

    @Override
    public long pendingCount() {
        return store().count(OutboxEntry.PENDING, OutboxEntry.QUEUED);
    }

    @Override
    public long heldCount() {
        return store().count(OutboxEntry.HELD, OutboxEntry.QUEUED_HELD);
    }

    @Override
    public List<OutboxEntry> held(int limit) {
        return store().list(OutboxEntry.HELD, limit);
    }

    @Override
    public long deadLetterCount() {
        return store().count(OutboxEntry.DEAD);
    }

    @Override
    public List<OutboxEntry> deadLetters(int limit) {
        return store().list(OutboxEntry.DEAD, limit);
    }

    @Override
    public List<OutboxEntry> retrying(int limit) {
        return store().listRetrying(limit);
    }

    @Override
    public Optional<OutboxEntry> find(UUID id) {
        return store().find(id);
    }

    @Override
    public boolean resubmit(UUID id) {
        boolean resubmitted = store().resubmit(id, OutboxStore.now());
        OutboxRelay running = relay;
        if (resubmitted && running != null) {
            running.nudge();
        }
        return resubmitted;
    }

    @Override
    public List<OutboxEntry> deadLetters(DeadLetterFilter filter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A limit of dead letters must be at least 1, not " + limit);
        }
        return new DeadLetterStore(store()).list(Objects.requireNonNull(filter, "filter"), limit, OutboxStore.now());
    }

    @Override
    public int resubmit(DeadLetterFilter filter) {
        int resubmitted = new DeadLetterStore(store()).resubmit(Objects.requireNonNull(filter, "filter"),
                OutboxStore.now());
        OutboxRelay running = relay;
        if (resubmitted > 0 && running != null) {
            running.nudge();
        }
        return resubmitted;
    }

    @Override
    public boolean discard(UUID id) {
        return new DeadLetterStore(store()).discard(Objects.requireNonNull(id, "id"));
    }

    @Override
    public int discard(DeadLetterFilter filter) {
        return new DeadLetterStore(store()).discard(Objects.requireNonNull(filter, "filter"), OutboxStore.now());
    }

    private OutboxStore store() {
        OutboxStore current = store;
        if (current == null) {
            throw new IllegalStateException("The Airlock outbox is not running: set quarkus.airlock.outbox.enabled=true");
        }
        return current;
    }
}
