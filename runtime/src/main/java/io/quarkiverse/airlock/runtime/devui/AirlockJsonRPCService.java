package io.quarkiverse.airlock.runtime.devui;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.OutboxEntry;
import io.smallrye.mutiny.Multi;

/**
 * What the Airlock pages of the Dev UI call. Snapshot methods return copies; stream methods emit live updates. Values
 * are plain records, lists and maps that serialize to JSON as they are.
 */
@ApplicationScoped
public class AirlockJsonRPCService {

    /**
     * Dead letters, rows waiting for a retry and held rows, shown at most: the page is for a developer's look, the
     * query API for the rest.
     */
    static final int DEAD_LETTERS_SHOWN = 100;

    private final AirlockDevUIListener recorded;
    /** The outbox bean, or null when the outbox is not enabled. */
    private final Supplier<AirlockOutbox> outbox;

    @Inject
    public AirlockJsonRPCService(AirlockDevUIListener recorded, Instance<AirlockOutbox> outbox) {
        this(recorded, () -> outbox.isResolvable() ? outbox.get() : null);
    }

    AirlockJsonRPCService(AirlockDevUIListener recorded, Supplier<AirlockOutbox> outbox) {
        this.recorded = recorded;
        this.outbox = outbox;
    }

    /**
     * Whether the durable outbox is enabled, how many of its rows wait for delivery, and how many for the decision of
     * an enclosing scope.
     */
    public Map<String, Object> getOutbox() {
        AirlockOutbox current = outbox.get();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("enabled", current != null);
        state.put("pending", current != null ? current.pendingCount() : 0L);
        state.put("held", current != null ? current.heldCount() : 0L);
        return state;
    }

    /**
     * The outbox rows held for the decision of an enclosing scope, the one whose hold time ends first first; empty
     * without the outbox.
     */
    public List<HeldRow> getHeld() {
        return rows(AirlockOutbox::held, entry -> new HeldRow(entry.id().toString(), entry.task(),
                SafeText.text(entry.args()), entry.origin(), time(entry.nextAttemptAt()), time(entry.createdAt())));
    }

    /** The outbox rows that failed every attempt, oldest first; empty without the outbox. */
    public List<DeadLetter> getDeadLetters() {
        return rows(AirlockOutbox::deadLetters, entry -> new DeadLetter(entry.id().toString(), entry.task(),
                SafeText.text(entry.args()), entry.attempts(), SafeText.text(entry.lastError()), entry.origin(),
                time(entry.createdAt())));
    }

    /** The outbox rows whose last attempt failed and that wait for a retry, soonest first; empty without the outbox. */
    public List<RetryingRow> getRetrying() {
        return rows(AirlockOutbox::retrying, entry -> new RetryingRow(entry.id().toString(), entry.task(),
                SafeText.text(entry.args()), entry.attempts(), SafeText.text(entry.lastError()), entry.origin(),
                time(entry.nextAttemptAt())));
    }

    /** At most {@link #DEAD_LETTERS_SHOWN} rows of one outbox query, each as the page shows it; none without the outbox. */
    private <T> List<T> rows(BiFunction<AirlockOutbox, Integer, List<OutboxEntry>> query, Function<OutboxEntry, T> row) {
        AirlockOutbox current = outbox.get();
        if (current == null) {
            return List.of();
        }
        List<T> rows = new ArrayList<>();
        for (OutboxEntry entry : query.apply(current, DEAD_LETTERS_SHOWN)) {
            rows.add(row.apply(entry));
        }
        return rows;
    }

    private static String time(OffsetDateTime at) {
        return at == null ? null : at.toString();
    }

    /**
     * Makes a dead-lettered outbox row due again.
     *
     * @return false when no dead-lettered row has this id (already resubmitted, say)
     */
    public boolean resubmit(String id) {
        AirlockOutbox current = outbox.get();
        if (current == null) {
            throw new IllegalStateException("The durable outbox is not enabled: set quarkus.airlock.outbox.enabled=true");
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id == null ? "" : id.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an outbox row id: '" + id + "'", e);
        }
        return current.resubmit(uuid);
    }

    /** The scopes open right now, with what they buffer. */
    public List<OpenScope> getPending() {
        return recorded.openScopes();
    }

    /**
     * The recorded outcomes, newest first.
     *
     * @param task only intents whose task name contains this text (ignoring case); blank for all
     * @param outcome only this outcome (for example {@code failed} or {@code dropped}); blank for all
     */
    public List<HistoryEntry> getHistory(String task, String outcome) {
        return recorded.history(filter(task, outcome));
    }

    /** How many intents are pending and how many recorded outcomes are failures. */
    public Map<String, Integer> getCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("pending", recorded.pendingCount());
        counts.put("failed", recorded.failedCount());
        return counts;
    }

    /** Forgets the recorded outcomes; returns how many there were. */
    public int clearHistory() {
        return recorded.clearHistory();
    }

    /** The open scopes now, then again each time one opens, buffers an intent or closes. */
    public Multi<List<OpenScope>> streamPending() {
        return startingNow(recorded.openChanges(), recorded::openScopes);
    }

    /** Each outcome as it is recorded. */
    public Multi<HistoryEntry> streamHistory() {
        return recorded.outcomes();
    }

    /** The card label of the Pending page: the number of pending intents, now and on every change. */
    public Multi<String> streamPendingCount() {
        return startingNow(recorded.openChanges(), () -> String.valueOf(recorded.pendingCount())).skip().repetitions();
    }

    /** The card label of the History page: how many recorded outcomes are failures, now and on every change. */
    public Multi<String> streamFailedCount() {
        return startingNow(recorded.failuresChanges(), () -> recorded.failedCount() + " failed").skip().repetitions();
    }

    static Predicate<HistoryEntry> filter(String task, String outcome) {
        String taskPart = task == null || task.isBlank() ? null : task.trim().toLowerCase();
        Outcome only = Outcome.parse(outcome);
        if (outcome != null && !outcome.isBlank() && only == null) {
            throw new IllegalArgumentException("Unknown outcome '" + outcome + "'; use one of "
                    + List.of(Outcome.values()).toString().toLowerCase());
        }
        return entry -> (taskPart == null || entry.task().toLowerCase().contains(taskPart))
                && (only == null || entry.outcome() == only);
    }

    /** The current state on subscription, then a fresh copy after each change. */
    private static <T> Multi<T> startingNow(Multi<?> changes, Supplier<T> state) {
        return Multi.createBy().merging().streams(Multi.createFrom().item(state), changes.map(ignored -> state.get()));
    }
}
