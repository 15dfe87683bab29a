package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.OutboxDelivery;
import io.quarkiverse.airlock.runtime.executor.TaskInvoker;
import io.quarkiverse.airlock.runtime.listener.AirlockListener;
import io.quarkiverse.airlock.runtime.listener.AirlockListeners;

/**
 * Delivers committed outbox rows: a batch of due rows is claimed, delivered, and the outcome of each recorded. It runs
 * on a thread of its own, woken by commits in this process and by a timer for the rows no commit announces (left over
 * by a crash, or waiting for a retry). Several relays, in one process or many, may share a PostgreSQL table.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock.outbox");

    /** Rows falling due beyond this many are left to the next poll. */
    private static final int MAX_TRACKED_DUE = 10_000;

    /** How the rows of a batch are run; the result holds one failure per row, null where it was delivered. */
    public interface Delivery {
        List<Throwable> deliver(List<ClaimedRow> rows, Function<ClaimedRow, Throwable> one);
    }

    /** Runs each row in the relay thread, one after the other. */
    public static final Delivery IN_RELAY_THREAD = (rows, one) -> {
        List<Throwable> failures = new ArrayList<>(rows.size());
        for (ClaimedRow row : rows) {
            failures.add(one.apply(row));
        }
        return failures;
    };

    /** Tuning: see {@code quarkus.airlock.outbox.*}. */
    public record Settings(int batchSize, Duration pollInterval, int maxAttempts, Backoff backoff, Duration lease,
            Duration retention) {

        public Settings(int batchSize, Duration pollInterval, int maxAttempts, Duration initialBackoff,
                Duration maxBackoff, Duration lease, Duration retention) {
            this(batchSize, pollInterval, maxAttempts, new Backoff(initialBackoff, maxBackoff), lease, retention);
        }
    }

    private final OutboxStore store;
    private final IntentExecutor executor;
    private final boolean runsHandlers;
    private final Delivery delivery;
    private final Settings settings;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile boolean failing;
    private volatile Instant lastActivity = Instant.now();
    private volatile String lastError;
    private volatile RelaySignals signals = RelaySignals.NONE;
    /**
     * Outcomes known but not yet written, because the table could not be reached: written before the next claim, so
     * that a delivered row is not run again and a failed one gets its backoff. Touched by the draining thread only.
     */
    /**
     * When rows this relay knows of fall due, soonest first: the retries it scheduled and the delayed intents written
     * in this process, so that a backoff or a delay shorter than the poll interval is kept to. Bounded, since polling
     * finds the rest anyway.
     */
    private final PriorityBlockingQueue<OffsetDateTime> dueLater = new PriorityBlockingQueue<>();
    private final List<UUID> unrecordedDeliveries = new ArrayList<>();
    private final List<Failure> unrecordedFailures = new ArrayList<>();

    private record Failure(ClaimedRow row, Throwable cause) {
    }

    /**
     * @param executor where intents go; when {@code runsHandlers}, the relay invokes the task handler itself (so that
     *        it learns the outcome) instead of calling the executor
     */
    public OutboxRelay(OutboxStore store, IntentExecutor executor, boolean runsHandlers, Delivery delivery,
            Settings settings) {
        this.store = store;
        this.executor = executor;
        this.runsHandlers = runsHandlers;
        this.delivery = delivery;
        this.settings = settings;
    }

    public synchronized void start(String name) {
        if (running) {
            return;
        }
        running = true;
        Thread relay = new Thread(this::loop, name);
        relay.setDaemon(true);
        thread = relay;
        relay.start();
    }

    public synchronized void stop() {
        running = false;
        Thread relay = thread;
        thread = null;
        if (relay != null) {
            wake.release();
            try {
                relay.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Where it reports each outcome (metrics); {@link RelaySignals#NONE} by default. */
    public void signals(RelaySignals signals) {
        this.signals = signals;
    }

    /** Its state now, for the readiness check and the Dev UI. */
    public RelayStatus status() {
        Thread relay = thread;
        return new RelayStatus(running && relay != null && relay.isAlive(), !failing, lastActivity,
                settings.pollInterval().multipliedBy(3).plus(settings.lease()), java.util.Optional.ofNullable(lastError));
    }

    /**
     * Tells the relay that a row falls due at {@code due}, so that it looks then even if its next poll is later. Wakes
     * it, so that it works out its wait again.
     */
    public void dueAt(OffsetDateTime due) {
        if (remember(due)) {
            nudge();
        }
    }

    private boolean remember(OffsetDateTime due) {
        return dueLater.size() < MAX_TRACKED_DUE && dueLater.add(due);
    }

    /** Asks the relay to look for due rows now. Cheap, never blocks. */
    public void nudge() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void loop() {
        OffsetDateTime nextPurge = OffsetDateTime.MIN;
        while (running) {
            OffsetDateTime drainStarted = OutboxStore.now();
            try {
                while (running && drainOnce() == settings.batchSize()) {
                    // a full batch: there may be more due rows
                }
                if (!settings.retention().isZero() && OutboxStore.now().isAfter(nextPurge)) {
                    store.purge(OutboxStore.now());
                    nextPurge = OutboxStore.now().plus(settings.pollInterval().multipliedBy(12));
                }
                if (failing) {
                    LOG.info("Airlock outbox relay reaches its table again");
                    failing = false;
                    lastError = null;
                }
                lastActivity = Instant.now();
            } catch (Exception e) {
                lastError = String.valueOf(e.getMessage());
                if (!failing) {
                    LOG.errorf(e, "Airlock outbox relay cannot reach its table; retrying every %s", settings.pollInterval());
                    failing = true;
                }
            }
            try {
                wake.tryAcquire(millisToWait(drainStarted), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Until the next poll, or until the soonest row this relay knows of falls due if that is sooner. Rows that were due
     * when the last drain started were claimed by it (or by another relay) and are forgotten.
     */
    private long millisToWait(OffsetDateTime drainStarted) {
        OffsetDateTime next = dueLater.peek();
        while (next != null && !next.isAfter(drainStarted)) {
            dueLater.remove(next);
            next = dueLater.peek();
        }
        long poll = settings.pollInterval().toMillis();
        if (next == null) {
            return poll;
        }
        // one millisecond more, so the row is due when the drain looks
        long untilDue = Duration.between(OutboxStore.now(), next).toMillis() + 1;
        return Math.max(1, Math.min(poll, untilDue));
    }

    /**
     * Claims one batch of due rows, delivers them and records the outcomes. Outcomes that could not be recorded last
     * time are recorded first; while that fails, nothing new is claimed. One caller at a time: the relay's own thread,
     * or a caller that drives a relay it did not start.
     *
     * @return how many rows were claimed
     */
    public int drainOnce() throws Exception {
        recordOutcomes();
        OffsetDateTime now = OutboxStore.now();
        List<ClaimedRow> rows = store.claim(settings.batchSize(), now, now.plus(settings.lease()));
        if (rows.isEmpty()) {
            return 0;
        }
        List<Throwable> failures = delivery.deliver(rows, this::deliver);
        for (int i = 0; i < rows.size(); i++) {
            Throwable failure = failures.get(i);
            if (failure == null) {
                unrecordedDeliveries.add(rows.get(i).id());
            } else {
                unrecordedFailures.add(new Failure(rows.get(i), failure));
            }
        }
        recordOutcomes();
        return rows.size();
    }

    /**
     * Writes the outcomes held in memory: the delivered rows first, since running one of them again is the costlier
     * mistake, then each failure on its own, so that one that cannot be written does not hold back the others. What
     * fails stays held for the next call; rows stay reserved by their lease meanwhile.
     */
    private void recordOutcomes() throws Exception {
        if (!unrecordedDeliveries.isEmpty()) {
            store.delivered(unrecordedDeliveries,
                    settings.retention().isZero() ? null : OutboxStore.now().plus(settings.retention()));
            unrecordedDeliveries.clear();
        }
        Exception first = null;
        for (Iterator<Failure> pending = unrecordedFailures.iterator(); pending.hasNext();) {
            Failure failure = pending.next();
            try {
                recordFailure(failure.row(), failure.cause());
                pending.remove();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else if (first != e) {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private Throwable deliver(ClaimedRow row) {
        long started = System.nanoTime();
        try {
            Intent intent = OutboxJson.intent(row.task(), row.args(), row.options(), row.origin());
            AirlockListener listener = AirlockListeners.installed();
            if (listener != null) {
                listener.dispatching(intent, executor);
            }
            new OutboxDelivery(row.id(), row.attempt()).runWith(() -> {
                if (runsHandlers) {
                    TaskInvoker.run(intent);
                } else {
                    executor.dispatch(intent);
                }
            });
            signals.delivered(row.task(), System.nanoTime() - started);
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    private void recordFailure(ClaimedRow row, Throwable failure) throws Exception {
        OffsetDateTime now = OutboxStore.now();
        boolean dead = row.attempt() >= settings.maxAttempts();
        OffsetDateTime retryAt = dead ? null : now.plusNanos(settings.backoff().millisAfter(row.attempt()) * 1_000_000L);
        store.failed(row.id(), String.valueOf(failure), retryAt, now);
        signals.failed(row.task(), dead);
        if (retryAt != null) {
            // the relay's own thread: it works its wait out after this drain anyway
            remember(retryAt);
        }
        if (dead) {
            LOG.errorf(failure, "Airlock outbox dead-lettered task '%s' (row %s) after %d attempt(s); resubmit it with "
                    + "AirlockOutbox.resubmit once the cause is fixed", row.task(), row.id(), row.attempt());
        } else {
            LOG.warnf(failure, "Airlock outbox attempt %d of task '%s' (row %s) failed; next attempt at %s",
                    row.attempt(), row.task(), row.id(), retryAt);
        }
    }

    /** Runs a batch on a pool and waits for all of it, so each row's outcome is known before it is recorded. */
    public static Delivery onPool(Function<Runnable, CompletableFuture<Void>> submit) {
        return (rows, one) -> {
            List<CompletableFuture<Throwable>> pending = new ArrayList<>(rows.size());
            for (ClaimedRow row : rows) {
                CompletableFuture<Throwable> outcome = new CompletableFuture<>();
                try {
                    submit.apply(() -> outcome.complete(one.apply(row)))
                            .whenComplete((ignored, error) -> {
                                if (error != null) {
                                    outcome.complete(error);
                                }
                            });
                } catch (RuntimeException refused) {
                    // the pool refused this row: a failure of this row, not of the batch the others ran in
                    outcome.complete(refused);
                }
                pending.add(outcome);
            }
            List<Throwable> failures = new ArrayList<>(rows.size());
            for (CompletableFuture<Throwable> outcome : pending) {
                failures.add(outcome.join());
            }
            return failures;
        };
    }
}
