package it.outbox.bench;

/**
 * The sizes of the outbox benchmarks, the same for Airlock's and the peer's.
 *
 * @param intents intents committed and relayed in each throughput run
 * @param perTransaction intents per committed transaction
 * @param backlog rows already in the table before a relay-cost batch
 * @param batch fresh due rows a relay-cost run drains
 * @param repeats runs of each measure, of which the median is reported
 */
public record BenchSizes(int intents, int perTransaction, int backlog, int batch, int repeats) {

    /**
     * The toy sizes of a smoke run, which keeps a benchmark working in the normal build: every phase once, on a few
     * hundred intents; its numbers mean nothing.
     */
    public static final BenchSizes SMOKE = new BenchSizes(300, 100, 1_000, 200, 1);

    /**
     * The full sizes, each overridable by a system property: {@code bench.intents} (20,000),
     * {@code bench.per-transaction} (100), {@code bench.backlog} (1,000,000), {@code bench.batch} (5,000),
     * {@code bench.repeats} (5).
     */
    public static BenchSizes fromProperties() {
        return new BenchSizes(property("intents", 20_000), property("per-transaction", 100),
                property("backlog", 1_000_000), property("batch", 5_000), property("repeats", 5));
    }

    private static int property(String name, int benchmark) {
        return Integer.getInteger("bench." + name, benchmark);
    }
}
