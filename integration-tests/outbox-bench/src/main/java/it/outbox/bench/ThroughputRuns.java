package it.outbox.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The throughput part of an outbox benchmark: which phases run in which order, and what is reported of them. Its rows
 * are the {@code throughput} of a benchmark's {@code results.json}, one for one relay and one for two.
 */
public final class ThroughputRuns {

    /** Commits {@code total} intents while {@code relays} relays deliver them. */
    @FunctionalInterface
    public interface CommitAndRelay {
        /** @return intents committed per second, and intents relayed per second from the first commit to the last */
        double[] run(int total, int relays) throws Exception;
    }

    /** Makes {@code total} committed intents due at once and drains them with {@code relays} relays, no writer. */
    @FunctionalInterface
    public interface DrainBacklog {
        /** @return intents relayed per second */
        double run(int total, int relays) throws Exception;
    }

    private ThroughputRuns() {
    }

    public static List<Map<String, Object>> measure(int intents, int perTransaction, int repeats,
            CommitAndRelay commitAndRelay, DrainBacklog drainBacklog) throws Exception {
        // warm-up (JIT, connection pool, prepared statements), then one and two relays in turn, so that a change in
        // the machine's load while it runs touches both alike
        commitAndRelay.run(intents, 1);
        commitAndRelay.run(intents, 2);
        drainBacklog.run(intents, 1);
        double[][] committed = new double[2][repeats];
        double[][] relayed = new double[2][repeats];
        double[][] drained = new double[2][repeats];
        for (int i = 0; i < repeats; i++) {
            for (int relays = 1; relays <= 2; relays++) {
                double[] rates = commitAndRelay.run(intents, relays);
                committed[relays - 1][i] = rates[0];
                relayed[relays - 1][i] = rates[1];
                drained[relays - 1][i] = drainBacklog.run(intents, relays);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int relays = 1; relays <= 2; relays++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("relays", relays);
            row.put("intents", intents);
            row.put("intentsPerTransaction", perTransaction);
            row.put("committedPerSecond", Math.round(Runs.median(committed[relays - 1])));
            row.put("relayedPerSecond", Math.round(Runs.median(relayed[relays - 1])));
            row.put("drainedPerSecond", Math.round(Runs.median(drained[relays - 1])));
            row.put("committedPerSecondRuns", Arrays.stream(committed[relays - 1]).map(Math::rint).boxed().toList());
            row.put("relayedPerSecondRuns", Arrays.stream(relayed[relays - 1]).map(Math::rint).boxed().toList());
            row.put("drainedPerSecondRuns", Arrays.stream(drained[relays - 1]).map(Math::rint).boxed().toList());
            rows.add(row);
        }
        return rows;
    }
}
