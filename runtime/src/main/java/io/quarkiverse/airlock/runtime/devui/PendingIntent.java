package io.quarkiverse.airlock.runtime.devui;

import java.util.List;
import java.util.Map;

import io.quarkiverse.airlock.Intent;

/**
 * A copy of a buffered intent as the Dev UI shows it: everything rendered to text when it was enqueued.
 *
 * @param name the task name
 * @param args the arguments, rendered
 * @param options the dispatch options, rendered
 * @param localPolicies the local policies in force, outermost first
 * @param origin where the intent came from, or null
 * @param captured whether a nested scope flushed it into this one
 * @param at when it was buffered here, in epoch milliseconds
 */
public record PendingIntent(String name, List<String> args, Map<String, String> options, List<String> localPolicies,
        String origin, boolean captured, long at) {

    static PendingIntent of(Intent intent, boolean captured) {
        return new PendingIntent(intent.name(), SafeText.values(intent.args()), SafeText.options(intent.options()),
                SafeText.names(intent.localPolicies()), intent.origin().orElse(null), captured, System.currentTimeMillis());
    }
}
