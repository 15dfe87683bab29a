package io.quarkiverse.airlock.runtime.devui;

import java.util.List;

/**
 * One outcome of one intent.
 *
 * @param id increasing in the order outcomes were recorded
 * @param at when, in epoch milliseconds
 * @param outcome what happened
 * @param task the task name
 * @param args the arguments, rendered when the outcome was recorded
 * @param origin where the intent came from, or null
 * @param detail the policy that dropped it, why its scope was discarded, its executor, or its handler's error
 */
public record HistoryEntry(long id, long at, Outcome outcome, String task, List<String> args, String origin,
        String detail) {
}
