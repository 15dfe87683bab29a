package io.quarkiverse.airlock.runtime.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.runtime.config.Durations;

/**
 * Delivers committed outbox rows. Its own thread claims due rows in batches for this relay's owner id, keeps their
 * leases alive while they wait or run, and times out handlers; {@link Lanes} run the rows, each recording a row's
 * outcome before it takes the next. The thread is woken by commits in this process, by lanes that ran out of rows,
 * and by a timer for the rows no commit announces (left over by a crash, or waiting for a retry). Several relays, in
 * one process or many, may share a PostgreSQL table.
 */
public final class OutboxRelay {

    static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock.outbox");

    /** Rows falling due beyond this many are left to the next poll. */
    private static final int MAX_TRACKED_DUE = 10_000;

    /**
     * Tuning: see {@code quarkus.airlock.outbox.*}.
     *
     * @param taskRetries the tasks whose retries differ from {@code maxAttempts} and {@code backoff}, by name
     */
    public record Settings(int batchSize, Duration pollInterval, int maxAttempts, Backoff backoff, Duration lease,
            Duration retention, Duration handlerTimeout, Map<String, RetrySchedule> taskRetries) {

        public Settings(int batchSize, Duration pollInterval, int maxAttempts, Duration initialBackoff,
                Duration maxBackoff, Duration lease, Duration retention, Duration handlerTimeout) {
            this(batchSize, pollInterval, maxAttempts, new Backoff(initialBackoff, maxBackoff), lease, retention,
                    handlerTimeout, Map.of());
        }

        /** How rows of {@code task} are retried. */
        public RetrySchedule retries(String task) {
            RetrySchedule own = taskRetries.get(task);
            return own != null ? own : new RetrySchedule(maxAttempts, backoff);
        }
    }

    private final OutboxStore store;
    private final String owner;
    private final Settings settings;
    private final Lanes lanes;
    private final RowRunner runner;
    private final Semaphore wake = new Semaphore(0);
    /** Claimed rows no lane has started yet. */
    private final Queue<ClaimedRow> queued = new ConcurrentLinkedQueue<>();
    private final Set<Lane> busy = ConcurrentHashMap.newKeySet();
    private final AtomicInteger activeLanes = new AtomicInteger();
    /**
     * When rows this relay knows of fall due, soonest first: the retries it scheduled and the delayed intents written
     * in this process, so that a backoff or a delay shorter than the poll interval is kept to. Bounded, since polling
     * finds the rest anyway.
     */
    private final PriorityBlockingQueue<OffsetDateTime> dueLater = new PriorityBlockingQueue<>();
    /** Outcomes a caller of {@link #drainOnce()} could not record: recorded before it claims again. */
    private final List<RowRunner.Outcome> unrecorded = new ArrayList<>();
    private final List<ClaimedRow> leftOver = new ArrayList<>();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile boolean failing;
    private volatile Instant lastActivity = Instant.now();
    private volatile String lastError;
    private volatile boolean reclaimed;
    private boolean lastClaimFull;
    private long nextRenewalNanos;

    /**
     * @param owner this relay's id in the table's {@code owner} column: stable across restarts of the same instance,
     *        so that it can reclaim at once what it held when it died, and unique among live relays of the table
     * @param executor where intents go; when {@code runsHandlers}, the relay invokes the task handler itself (so that
     *        it learns the outcome) instead of calling the executor
     * @param transaction the transaction a handler runs in with its row's completion; null for none
     */
    public OutboxRelay(OutboxStore store, String owner, IntentExecutor executor, boolean runsHandlers, Lanes lanes,
            RowTransaction transaction, Settings settings) {
        this.store = store;
        this.owner = owner;
        this.settings = settings;
        this.lanes = lanes;
        this.runner = new RowRunner(store, owner, executor, runsHandlers, transaction, settings, this::dueAt);
    }

    public String owner() {
        return owner;
    }

    /** Where it reports each outcome (metrics); {@link RelaySignals#NONE} by default. */
    public void signals(RelaySignals signals) {
        runner.signals(signals);
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

    /**
     * Stops claiming, lets the rows that run finish (for up to their timeout), and gives back the claimed rows no lane
     * started, so that other relays take them at once.
     */
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

    /** Its state now, for the readiness check and the Dev UI. */
    public RelayStatus status() {
        Thread relay = thread;
        return new RelayStatus(running && relay != null && relay.isAlive(), !failing, lastActivity,
                settings.handlerTimeout().plus(settings.pollInterval().multipliedBy(3)), Optional.ofNullable(lastError));
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
            OffsetDateTime roundStarted = OutboxStore.now();
            try {
                round();
                if (!settings.retention().isZero() && OutboxStore.now().isAfter(nextPurge)) {
                    store.purge(OutboxStore.now());
                    nextPurge = OutboxStore.now().plus(settings.pollInterval().multipliedBy(12));
                }
                reachable();
            } catch (Exception e) {
                unreachable(e);
            }
            try {
                wake.tryAcquire(millisToWait(roundStarted), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        shutDown();
    }

    /** One look: reclaim once, renew leases, time handlers out, claim when the lanes ran out of rows. */
    private void round() throws Exception {
        if (!reclaimed) {
            int rows = store.reclaim(owner, OutboxStore.now());
            reclaimed = true;
            if (rows > 0) {
                LOG.infof("Airlock outbox relay %s reclaimed %d row(s) it held when it last stopped", owner, rows);
            }
        }
        timeOutHandlers();
        renewLeasesIfDue();
        if (queued.isEmpty()) {
            OffsetDateTime now = OutboxStore.now();
            List<ClaimedRow> rows = store.claim(settings.batchSize(), now, now.plus(settings.lease()), owner);
            queued.addAll(rows);
            lastClaimFull = rows.size() == settings.batchSize();
        }
        startLanes();
        lastActivity = Instant.now();
    }

    private long renewalNanos() {
        return settings.lease().toNanos() / 3;
    }

    private void renewLeasesIfDue() throws Exception {
        if (System.nanoTime() - nextRenewalNanos < 0) {
            return;
        }
        List<ClaimedRow> held = new ArrayList<>(queued);
        for (Lane lane : busy) {
            ClaimedRow row = lane.row;
            if (row != null) {
                held.add(row);
            }
        }
        nextRenewalNanos = System.nanoTime() + renewalNanos();
        if (held.isEmpty()) {
            return;
        }
        List<ClaimedRow> lost = store.renew(held, owner, OutboxStore.now().plus(settings.lease()));
        for (ClaimedRow row : lost) {
            if (queued.remove(row)) {
                LOG.warnf("Airlock outbox relay %s lost row %s (task '%s') before running it: its lease ended and"
                        + " another relay took it over", owner, row.id(), row.task());
            }
        }
    }

    private void timeOutHandlers() {
        long now = System.nanoTime();
        long timeout = settings.handlerTimeout().toNanos();
        for (Lane lane : busy) {
            ClaimedRow row = lane.row;
            if (row != null && now - lane.startedNanos > timeout && lane.retire()) {
                busy.remove(lane);
                activeLanes.decrementAndGet();
                Thread stuck = lane.thread;
                if (stuck != null) {
                    stuck.interrupt();
                }
                RowRunner.Outcome outcome = RowRunner.Outcome.failed(row, new HandlerTimeoutException(row,
                        settings.handlerTimeout()), lane.startedNanos);
                try {
                    runner.record(outcome);
                } catch (Exception e) {
                    // the lease ends anyway, and this row is run again then
                    LOG.debugf(e, "Airlock outbox relay could not record the timeout of row %s", row.id());
                }
            }
        }
    }

    /** Starts lanes while rows wait and lanes are free. Called from the relay's thread and from lanes. */
    private void startLanes() {
        while (running && !queued.isEmpty()) {
            int active = activeLanes.get();
            if (active >= lanes.size()) {
                return;
            }
            if (activeLanes.compareAndSet(active, active + 1)) {
                Lane lane = new Lane();
                try {
                    lanes.executor().accept(() -> runLane(lane));
                } catch (RuntimeException refused) {
                    activeLanes.decrementAndGet();
                    LOG.warnf(refused, "Airlock outbox relay could not start a lane; the rows wait for the next round");
                    return;
                }
            }
        }
    }

    private void runLane(Lane lane) {
        lane.thread = Thread.currentThread();
        boolean retired = false;
        try {
            ClaimedRow row;
            while (running && (row = queued.poll()) != null) {
                lane.begin(row);
                RowRunner.Outcome outcome = runner.run(row);
                if (!lane.finish()) {
                    // timed out meanwhile: the relay recorded the failure and runs on without this thread
                    retired = true;
                    return;
                }
                recordUntilDone(outcome);
                lastActivity = Instant.now();
                if (lanes.rowPerTask()) {
                    break;
                }
            }
        } finally {
            lane.thread = null;
            if (!retired) {
                activeLanes.decrementAndGet();
                if (queued.isEmpty()) {
                    nudge(); // time to claim more
                } else {
                    startLanes();
                }
            }
        }
    }

    /**
     * Records an outcome before the lane takes another row, retrying while the table cannot be reached: a crash then
     * replays at most the row each lane is in. Gives up only when the relay stops, leaving the row to its lease.
     */
    private void recordUntilDone(RowRunner.Outcome outcome) {
        while (true) {
            try {
                runner.record(outcome);
                return;
            } catch (Exception e) {
                unreachable(e);
                if (!running) {
                    return;
                }
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void shutDown() {
        long deadline = System.nanoTime() + settings.handlerTimeout().toNanos();
        List<ClaimedRow> unstarted = new ArrayList<>();
        ClaimedRow row;
        while ((row = queued.poll()) != null) {
            unstarted.add(row);
        }
        try {
            store.unclaim(unstarted, owner, OutboxStore.now());
        } catch (Exception e) {
            LOG.debugf(e, "Airlock outbox relay could not give back %d unstarted row(s); it reclaims them when it"
                    + " starts again", unstarted.size());
        }
        while (activeLanes.get() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void reachable() {
        if (failing) {
            LOG.infof("Airlock outbox relay reaches table %s again", store.table());
            failing = false;
            lastError = null;
        }
    }

    private void unreachable(Exception e) {
        lastError = String.valueOf(e.getMessage());
        if (!failing) {
            failing = true;
            LOG.errorf(e, "Airlock outbox relay cannot read or write table %s; it tries again every %s"
                    + " (quarkus.airlock.outbox.poll-interval)", store.table(), Durations.human(settings.pollInterval()));
        }
    }

    /**
     * Until the next poll, the next lease renewal or handler deadline, or until the soonest row this relay knows of
     * falls due, whichever is sooner. Rows that were due when the last round started were claimed by it (or by another
     * relay) and are forgotten.
     */
    private long millisToWait(OffsetDateTime roundStarted) {
        if (queued.isEmpty() && lastClaimFull && !failing && busy.isEmpty()) {
            return 0;
        }
        long wait = settings.pollInterval().toMillis();
        OffsetDateTime next = dueLater.peek();
        while (next != null && !next.isAfter(roundStarted)) {
            dueLater.remove(next);
            next = dueLater.peek();
        }
        if (next != null) {
            // one millisecond more, so the row is due when the round looks
            wait = Math.min(wait, Duration.between(OutboxStore.now(), next).toMillis() + 1);
        }
        if (!busy.isEmpty() || !queued.isEmpty()) {
            long now = System.nanoTime();
            wait = Math.min(wait, TimeUnit.NANOSECONDS.toMillis(nextRenewalNanos - now) + 1);
            long timeout = settings.handlerTimeout().toNanos();
            for (Lane lane : busy) {
                wait = Math.min(wait, TimeUnit.NANOSECONDS.toMillis(lane.startedNanos + timeout - now) + 1);
            }
        }
        return Math.max(1, wait);
    }

    /**
     * Claims one batch of due rows and runs them in the calling thread, one at a time, recording each outcome before
     * the next: for callers that drive a relay they did not start (benchmarks, tests). When an outcome cannot be
     * recorded, it throws; the next call records that outcome first and runs the rest of the batch before it claims
     * again. Handler timeouts are not enforced here.
     *
     * @return how many rows were claimed
     */
    public int drainOnce() throws Exception {
        while (!unrecorded.isEmpty()) {
            runner.record(unrecorded.get(0));
            unrecorded.remove(0);
        }
        List<ClaimedRow> rows = new ArrayList<>(leftOver);
        leftOver.clear();
        if (rows.isEmpty()) {
            OffsetDateTime now = OutboxStore.now();
            rows = store.claim(settings.batchSize(), now, now.plus(settings.lease()), owner);
        }
        for (int i = 0; i < rows.size(); i++) {
            RowRunner.Outcome outcome = runner.run(rows.get(i));
            try {
                runner.record(outcome);
            } catch (Exception e) {
                unrecorded.add(outcome);
                leftOver.addAll(rows.subList(i + 1, rows.size()));
                throw e;
            }
        }
        return rows.size();
    }

    /** A lane's current row, watched by the relay's thread for its timeout and its lease. */
    private final class Lane {

        private static final int IDLE = 0;
        private static final int RUNNING = 1;
        private static final int RETIRED = 2;

        private final AtomicInteger state = new AtomicInteger(IDLE);
        volatile ClaimedRow row;
        volatile long startedNanos;
        volatile Thread thread;

        void begin(ClaimedRow claimed) {
            startedNanos = System.nanoTime();
            row = claimed;
            state.set(RUNNING);
            busy.add(this);
        }

        /** @return false when the relay timed this row out first */
        boolean finish() {
            if (!state.compareAndSet(RUNNING, IDLE)) {
                return false;
            }
            busy.remove(this);
            row = null;
            return true;
        }

        /** @return false when the row finished first */
        boolean retire() {
            return state.compareAndSet(RUNNING, RETIRED);
        }
    }
}
