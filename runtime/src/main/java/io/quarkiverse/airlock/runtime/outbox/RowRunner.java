package io.quarkiverse.airlock.runtime.outbox;

import java.time.OffsetDateTime;
import java.util.function.Consumer;

import org.jboss.logging.MDC;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.OutboxDelivery;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkiverse.airlock.spi.TaskInvoker;

/**
 * Runs one claimed row and records its outcome: what a lane does for each row. With a {@link RowTransaction}, a
 * handler that writes through it shares its transaction with the statement that marks the row done; other deliveries
 * are recorded by a {@link DeliveryRecorder}, grouped with those of the relay's other lanes.
 */
final class RowRunner {

    /** Log MDC keys set while a row's handler runs. */
    static final String MDC_TASK = "airlock.task";
    static final String MDC_ROW = "airlock.outbox.row";
    static final String MDC_ATTEMPT = "airlock.outbox.attempt";

    /** What became of a row; {@link #failure} is set when it failed. */
    record Outcome(ClaimedRow row, Kind kind, Throwable failure, long startedNanos) {

        enum Kind {
            /** Delivered; its completion is still to be recorded (with other lanes' rows). */
            DELIVERED,
            /** Delivered and recorded in the handler's transaction. */
            RECORDED,
            /** The transaction found the row no longer this relay's, and rolled the handler's writes back. */
            LOST,
            FAILED
        }

        static Outcome failed(ClaimedRow row, Throwable failure, long startedNanos) {
            return new Outcome(row, Kind.FAILED, failure, startedNanos);
        }
    }

    private final OutboxStore store;
    private final String owner;
    private final IntentExecutor executor;
    private final boolean runsHandlers;
    private final RowTransaction transaction;
    private final OutboxRelay.Settings settings;
    private final Consumer<OffsetDateTime> retryScheduled;
    private final DeliveryRecorder deliveries;
    private volatile RelaySignals signals = RelaySignals.NONE;

    RowRunner(OutboxStore store, String owner, IntentExecutor executor, boolean runsHandlers,
            RowTransaction transaction, OutboxRelay.Settings settings, Consumer<OffsetDateTime> retryScheduled) {
        this.retryScheduled = retryScheduled;
        this.store = store;
        this.owner = owner;
        this.executor = executor;
        this.runsHandlers = runsHandlers;
        this.transaction = transaction;
        this.settings = settings;
        this.deliveries = new DeliveryRecorder(store, owner, this::purgeAt);
    }

    void signals(RelaySignals signals) {
        this.signals = signals;
    }

    /** Runs the row's handler (or hands its intent to the executor); never throws. */
    Outcome run(ClaimedRow row) {
        long started = System.nanoTime();
        MDC.put(MDC_TASK, row.task());
        MDC.put(MDC_ROW, row.id().toString());
        MDC.put(MDC_ATTEMPT, Integer.toString(row.attempt()));
        try {
            Intent intent = OutboxJson.intent(row.task(), row.args(), row.options(), row.origin(),
                    row.orderingKey());
            AirlockListener listener = AirlockHooks.listener();
            if (listener != null) {
                listener.dispatching(intent, executor);
            }
            if (transaction == null) {
                deliver(row, intent);
                return new Outcome(row, Outcome.Kind.DELIVERED, null, started);
            }
            RowTransaction.Ending ending = transaction.run(settings.handlerTimeout(), () -> deliver(row, intent),
                    () -> store.delivered(row, owner, purgeAt()));
            Outcome.Kind kind = switch (ending) {
                case COMPLETED -> Outcome.Kind.RECORDED;
                case NOT_OURS -> Outcome.Kind.LOST;
                case NOTHING_WRITTEN -> Outcome.Kind.DELIVERED;
            };
            return new Outcome(row, kind, null, started);
        } catch (Throwable failure) {
            return Outcome.failed(row, failure, started);
        } finally {
            MDC.remove(MDC_TASK);
            MDC.remove(MDC_ROW);
            MDC.remove(MDC_ATTEMPT);
        }
    }

    private void deliver(ClaimedRow row, Intent intent) {
        new OutboxDelivery(row.id(), row.attempt()).runWith(() -> {
            if (runsHandlers) {
                TaskInvoker.run(intent);
            } else {
                executor.dispatch(intent);
            }
        });
    }

    private OffsetDateTime purgeAt() {
        return settings.retention().isZero() ? null : OutboxStore.now().plus(settings.retention());
    }

    /**
     * Records what {@link #run} left to record, only while the row is still this relay's claim.
     *
     * @throws Exception when the table cannot be reached; the outcome can be recorded again
     */
    void record(Outcome outcome) throws Exception {
        ClaimedRow row = outcome.row();
        switch (outcome.kind()) {
            case DELIVERED -> {
                if (!deliveries.delivered(row)) {
                    lost(row, "its completion is not recorded and the other relay may run it again");
                }
                signals.delivered(row.task(), System.nanoTime() - outcome.startedNanos());
            }
            case RECORDED -> signals.delivered(row.task(), System.nanoTime() - outcome.startedNanos());
            case LOST -> lost(row, "its transaction rolled back and the other relay runs it");
            case FAILED -> recordFailure(row, outcome.failure());
        }
    }

    private void recordFailure(ClaimedRow row, Throwable failure) throws Exception {
        OffsetDateTime now = OutboxStore.now();
        RetrySchedule retries = settings.retries(row.task());
        boolean dead = row.attempt() >= retries.maxAttempts();
        OffsetDateTime retryAt = dead ? null
                : now.plusNanos(retries.backoff().millisAfter(row.attempt()) * 1_000_000L);
        if (!store.failed(row, owner, String.valueOf(failure), retryAt, now)) {
            lost(row, "its failure is ignored");
            return;
        }
        signals.failed(row.task(), dead);
        if (retryAt != null) {
            retryScheduled.accept(retryAt);
        }
        if (dead) {
            OutboxRelay.LOG.errorf(failure, "Airlock outbox dead-lettered task '%s' (row %s) after %d attempt(s);"
                    + " resubmit it once the cause is fixed", row.task(), row.id(), row.attempt());
        } else {
            OutboxRelay.LOG.warnf(failure, "Airlock outbox attempt %d of task '%s' (row %s) failed; next attempt at %s",
                    row.attempt(), row.task(), row.id(), retryAt);
        }
    }

    private void lost(ClaimedRow row, String consequence) {
        OutboxRelay.LOG.warnf("Airlock outbox relay %s ran row %s (task '%s', attempt %d) past the end of its lease,"
                + " and another relay took the row over: %s", owner, row.id(), row.task(), row.attempt(), consequence);
    }
}
