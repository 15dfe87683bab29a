package io.quarkiverse.airlock.runtime.devui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Records what the Dev UI shows: the scopes open right now with their buffered intents, and the last outcomes. The
 * Quarkus build registers it in dev mode only; elsewhere nothing listens and the hot path skips every callback.
 * <p>
 * Callbacks copy what they read (values are rendered to text before any lock is taken) and hold a lock only to update
 * two small structures, so the work they observe is not slowed down more than dev mode can afford.
 */
@Singleton
public class AirlockDevUIListener implements AirlockListener {

    /** How many outcomes the History page keeps, newest first. */
    public static final int HISTORY_SIZE = 500;
    /** Open scopes tracked at most; a scope entered beyond it (a leak in the application) is not shown. */
    static final int MAX_OPEN_SCOPES = 1000;

    private final AtomicLong ids = new AtomicLong();

    private final Object openLock = new Object();
    private final Map<Scope, Tracked> open = new IdentityHashMap<>();

    private final Object historyLock = new Object();
    private final ArrayDeque<HistoryEntry> history = new ArrayDeque<>();
    private int failedInHistory;

    private final BroadcastProcessor<Object> openChanges = BroadcastProcessor.create();
    private final Emitter<Object> openChanged = new Emitter<>(openChanges);
    private final BroadcastProcessor<HistoryEntry> outcomes = BroadcastProcessor.create();
    private final Emitter<HistoryEntry> recorded = new Emitter<>(outcomes);
    private final BroadcastProcessor<Object> failuresChanges = BroadcastProcessor.create();
    private final Emitter<Object> failuresChanged = new Emitter<>(failuresChanges);

    @Override
    public void scopeEntered(Scope scope) {
        Scope parent = scope.parent().orElse(null);
        String origin = scope.origin().orElse(null);
        String policy = SafeText.name(scope.policy());
        String executor = SafeText.name(scope.executor());
        String thread = Thread.currentThread().getName();
        synchronized (openLock) {
            if (open.size() >= MAX_OPEN_SCOPES) {
                return;
            }
            Tracked parentTracked = parent == null ? null : open.get(parent);
            open.put(scope, new Tracked(ids.incrementAndGet(), parentTracked, origin, policy, executor, thread));
        }
        openChanged.emit(Boolean.TRUE);
    }

    @Override
    public void scopeExited(Scope scope) {
        boolean removed;
        synchronized (openLock) {
            removed = open.remove(scope) != null;
        }
        if (removed) {
            openChanged.emit(Boolean.TRUE);
        }
    }

    @Override
    public void enqueued(Scope scope, Intent intent) {
        buffer(scope, PendingIntent.of(intent, false));
    }

    @Override
    public void captured(Scope outer, Intent intent) {
        buffer(outer, PendingIntent.of(intent, true));
    }

    @Override
    public void dropped(Scope scope, Intent intent, Policy policy) {
        record(Outcome.DROPPED, intent, "by " + SafeText.name(policy));
    }

    @Override
    public void discarded(Scope scope, List<Intent> intents, String reason) {
        scopeExited(scope);
        String detail = reason == null ? "the scope was discarded" : SafeText.text(reason);
        for (Intent intent : intents) {
            record(Outcome.DISCARDED, intent, detail);
        }
    }

    @Override
    public void deferred(List<Intent> intents) {
        for (Intent intent : intents) {
            // an intent bound to its transaction by a nested scope or a @Transactional method is told again when the
            // scope that flushes it defers it to the same commit: one row says it waits
            synchronized (waiting) {
                if (!waiting.add(intent)) {
                    continue;
                }
            }
            record(Outcome.WAITING_FOR_COMMIT, intent, "dispatched when the transaction commits");
        }
    }

    @Override
    public void rolledBack(List<Intent> intents) {
        for (Intent intent : intents) {
            record(Outcome.ROLLED_BACK, intent, "the transaction rolled back");
        }
    }

    @Override
    public void dispatching(Intent intent, IntentExecutor executor) {
        record(Outcome.DISPATCHED, intent, "to " + SafeText.name(executor));
    }

    @Override
    public void handled(Intent intent, long nanos, Throwable failure) {
        if (failure != null) {
            record(Outcome.FAILED, intent, SafeText.error(failure));
        }
    }

    /** Copies of the open scopes, outermost first, then in the order they were entered. */
    public List<OpenScope> openScopes() {
        List<OpenScope> copies;
        synchronized (openLock) {
            copies = new ArrayList<>(open.size());
            for (Tracked tracked : open.values()) {
                copies.add(tracked.copy());
            }
        }
        copies.sort((a, b) -> Long.compare(a.id(), b.id()));
        return copies;
    }

    /** How many intents the open scopes buffer. */
    public int pendingCount() {
        synchronized (openLock) {
            int count = 0;
            for (Tracked tracked : open.values()) {
                count += tracked.intents.size();
            }
            return count;
        }
    }

    /** The recorded outcomes that match, newest first. */
    public List<HistoryEntry> history(Predicate<HistoryEntry> filter) {
        List<HistoryEntry> copy = new ArrayList<>();
        synchronized (historyLock) {
            Iterator<HistoryEntry> newestFirst = history.descendingIterator();
            while (newestFirst.hasNext()) {
                HistoryEntry entry = newestFirst.next();
                if (filter.test(entry)) {
                    copy.add(entry);
                }
            }
        }
        return copy;
    }

    /** How many recorded outcomes are failures. */
    public int failedCount() {
        synchronized (historyLock) {
            return failedInHistory;
        }
    }

    /** Forgets every recorded outcome; returns how many there were. */
    public int clearHistory() {
        int cleared;
        synchronized (historyLock) {
            cleared = history.size();
            history.clear();
            failedInHistory = 0;
        }
        failuresChanged.emit(Boolean.TRUE);
        return cleared;
    }

    /** Emits an item (of no meaning) each time a scope opens or closes or buffers an intent. */
    public Multi<Object> openChanges() {
        return openChanges;
    }

    /** Emits each outcome as it is recorded. */
    public Multi<HistoryEntry> outcomes() {
        return outcomes;
    }

    /** Emits an item (of no meaning) each time a failure is recorded or the history is cleared. */
    public Multi<Object> failuresChanges() {
        return failuresChanges;
    }

    private void buffer(Scope scope, PendingIntent pending) {
        synchronized (openLock) {
            Tracked tracked = open.get(scope);
            if (tracked == null) {
                return;
            }
            tracked.intents.add(pending);
        }
        openChanged.emit(Boolean.TRUE);
    }

    /** Intents already shown as waiting for a commit; intents compare by identity, and finished ones are let go. */
    private final Set<Intent> waiting = Collections.newSetFromMap(new WeakHashMap<>());

    private void record(Outcome outcome, Intent intent, String detail) {
        HistoryEntry entry = new HistoryEntry(ids.incrementAndGet(), System.currentTimeMillis(), outcome, intent.name(),
                SafeText.values(intent.args()), intent.origin().orElse(null), detail);
        synchronized (historyLock) {
            if (history.size() == HISTORY_SIZE && history.removeFirst().outcome() == Outcome.FAILED) {
                failedInHistory--;
            }
            history.addLast(entry);
            if (outcome == Outcome.FAILED) {
                failedInHistory++;
            }
        }
        recorded.emit(entry);
        if (outcome == Outcome.FAILED) {
            failuresChanged.emit(Boolean.TRUE);
        }
    }

    /** A scope being tracked; its fields other than {@link #intents} never change, the list is guarded by openLock. */
    private static final class Tracked {
        final long id;
        final Tracked parent;
        final int depth;
        final String origin;
        final String policy;
        final String executor;
        final String thread;
        final long openedAt = System.currentTimeMillis();
        final List<PendingIntent> intents = new ArrayList<>(4);

        Tracked(long id, Tracked parent, String origin, String policy, String executor, String thread) {
            this.id = id;
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.origin = origin;
            this.policy = policy;
            this.executor = executor;
            this.thread = thread;
        }

        OpenScope copy() {
            return new OpenScope(id, parent == null ? null : parent.id, depth, origin, policy, executor, thread, openedAt,
                    List.copyOf(intents));
        }
    }

    /**
     * Feeds a processor from any thread: Reactive Streams wants one signal at a time, and callbacks arrive from many
     * threads at once.
     */
    private static final class Emitter<T> {
        private final BroadcastProcessor<T> processor;

        Emitter(BroadcastProcessor<T> processor) {
            this.processor = processor;
        }

        void emit(T item) {
            synchronized (this) {
                processor.onNext(item);
            }
        }
    }
}
