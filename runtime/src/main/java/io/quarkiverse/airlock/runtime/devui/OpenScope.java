package io.quarkiverse.airlock.runtime.devui;

import java.util.List;

/**
 * A copy of a scope that is open right now.
 *
 * @param id a number unique in this run of the application
 * @param parentId the id of the scope that was current when this one was entered, or null for an outermost scope
 * @param depth 0 for an outermost scope, 1 for a scope nested in it, and so on
 * @param origin where the scope comes from (HTTP method and path, annotated method), or null
 * @param policy the scope's policy
 * @param executor the scope's executor
 * @param thread the thread that entered it
 * @param openedAt when it was entered, in epoch milliseconds
 * @param intents what it buffers, in order
 */
public record OpenScope(long id, Long parentId, int depth, String origin, String policy, String executor, String thread,
        long openedAt, List<PendingIntent> intents) {
}
