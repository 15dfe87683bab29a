package io.quarkiverse.airlock.runtime.devui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Multi;

/**
 * What the Airlock pages of the Dev UI call. Snapshot methods return copies; stream methods emit live updates. Values
 * are plain records, lists and maps that serialize to JSON as they are.
 */
@ApplicationScoped
public class AirlockJsonRPCService {

    private final AirlockDevUIListener recorded;

    @Inject
    public AirlockJsonRPCService(AirlockDevUIListener recorded) {
        this.recorded = recorded;
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
