package it.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.runtime.outbox.Lanes;
import io.quarkiverse.airlock.runtime.outbox.OutboxRelay;
import io.quarkiverse.airlock.runtime.outbox.OutboxSchema;
import io.quarkiverse.airlock.runtime.outbox.OutboxStore;
import io.quarkiverse.airlock.runtime.outbox.RowTransaction;
import io.quarkiverse.airlock.spi.SyncExecutor;
import io.quarkus.arc.Arc;
import it.outbox.bench.BenchSizes;
import it.outbox.bench.Runs;
import it.outbox.bench.ThroughputRuns;

/**
 * The outbox benchmark on PostgreSQL; {@link OutboxBenchmark} runs it at full size, {@link OutboxBenchmarkSmokeTest}
 * at toy size.
 * <ol>
 * <li>Throughput: intents committed in transactions through Airlock and relayed to a handler that only counts, by the
 * application's relay alone and with a second relay sharing the table; and, with no writer, how fast those relays
 * drain a backlog of committed intents that all fall due at once.</li>
 * <li>Flatness: what the relay pays per intent to drain a batch of fresh due rows from an empty table, and from a
 * table already holding a backlog of delivered rows kept by retention, or of pending rows not due yet. The backlog is
 * written with plain SQL; the relay under test works on a table of its own, out of reach of the application's.</li>
 * </ol>
 * Sizes come from system properties ({@code bench.*}); results go to {@code target/outbox-bench/}.
 */
abstract class OutboxBenchmarkBase {

    private static final String BENCH_TABLE = "airlock_outbox_bench";
    private static final String PLANNED = "-- claim query: ";
    private static final String GENERIC = "-- generic plan (prepared statement):";

    final BenchSizes sizes = sizes();
    final int intents = sizes.intents();
    final int perTransaction = sizes.perTransaction();
    final int backlog = sizes.backlog();
    final int batch = sizes.batch();
    final int repeats = sizes.repeats();
    final Path out = output();

    @Inject
    BenchTasks tasks;

    /** Where the results go. */
    Path output() {
        return Path.of(System.getProperty("bench.out", "target/outbox-bench"));
    }

    /** The sizes, from {@code bench.*}; the smoke run overrides them. */
    BenchSizes sizes() {
        return BenchSizes.fromProperties();
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void benchmark() throws Exception {
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("results.json"));
        String loadBefore = loadavg();
        List<Map<String, Object>> throughput = throughput();
        List<Map<String, Object>> flatness = flatness();
        String loadAfter = loadavg();

        print(throughput, flatness, loadBefore, loadAfter);
        write(throughput, flatness, loadBefore, loadAfter);
    }

    // ---------------------------------------------------------------- throughput

    private List<Map<String, Object>> throughput() throws Exception {
        return ThroughputRuns.measure(intents, perTransaction, repeats, this::commitAndRelay, this::drainBacklog);
    }

    /**
     * Commits {@code total} intents, one writer thread, while {@code relays} relays deliver them.
     *
     * @return intents committed per second, and intents relayed per second from the first commit to the last delivery
     */
    private double[] commitAndRelay(int total, int relays) throws Exception {
        clearTable();
        BenchTasks.RELAYED.set(0);
        SecondRelay second = relays < 2 ? null : startSecondRelay();
        try {
            long start = System.nanoTime();
            for (int from = 0; from < total; from += perTransaction) {
                tasks.commit(from, Math.min(perTransaction, total - from));
            }
            long committed = System.nanoTime();
            awaitRelayed(total);
            long relayed = System.nanoTime();
            return new double[] { total * 1e9 / (committed - start), total * 1e9 / (relayed - start) };
        } finally {
            if (second != null) {
                second.stop();
            }
        }
    }

    /**
     * A relay like the application's (see application.properties, and {@code -Dquarkus.airlock.outbox.delivery=worker
     * -Dquarkus.airlock.outbox.worker-concurrency=N} for lanes on a pool, {@code batch-size} for its claims), as a second
     * process would run it: each handler in the transaction that marks its row done.
     */
    private SecondRelay startSecondRelay() {
        Config config = ConfigProvider.getConfig();
        ExecutorService pool = Executors.newCachedThreadPool();
        Lanes lanes = "worker".equals(config.getOptionalValue("quarkus.airlock.outbox.delivery", String.class).orElse(""))
                ? Lanes.onPool(config.getValue("quarkus.airlock.outbox.worker-concurrency", Integer.class), pool::execute)
                : Lanes.dedicated("second-relay");
        OutboxRelay second = new OutboxRelay(new OutboxStore(dataSource, "airlock_outbox"), "second-relay",
                SyncExecutor.INSTANCE, true, lanes,
                RowTransaction.jta(Arc.container().instance(TransactionManager.class).get()),
                new OutboxRelay.Settings(config.getValue("quarkus.airlock.outbox.batch-size", Integer.class),
                        Duration.ofMillis(100), 3, Duration.ofMillis(10), Duration.ofMillis(20),
                        Duration.ofMinutes(5), Duration.ZERO, Duration.ofMinutes(1)));
        second.start("second-relay");
        return new SecondRelay(second, pool);
    }

    /** The second relay and the pool its lanes may run on. */
    private record SecondRelay(OutboxRelay relay, ExecutorService pool) {

        void nudge() {
            relay.nudge();
        }

        void stop() {
            relay.stop();
            pool.shutdown();
        }
    }

    /**
     * What the relays alone can do: {@code total} intents are committed not yet due, then all made due at once and
     * drained by {@code relays} relays, with no writer competing for the machine.
     *
     * @return intents relayed per second
     */
    private double drainBacklog(int total, int relays) throws Exception {
        clearTable();
        BenchTasks.RELAYED.set(0);
        SecondRelay second = relays < 2 ? null : startSecondRelay();
        try {
            for (int from = 0; from < total; from += perTransaction) {
                tasks.commitLater(from, Math.min(perTransaction, total - from), Duration.ofHours(1));
            }
            execute("UPDATE airlock_outbox SET next_attempt_at = now() - interval '1 second'");
            long start = System.nanoTime();
            tasks.commit(total, 1); // its commit wakes the application's relay
            if (second != null) {
                second.nudge();
            }
            awaitRelayed(total + 1);
            return (total + 1) * 1e9 / (System.nanoTime() - start);
        } finally {
            if (second != null) {
                second.stop();
            }
        }
    }

    private static void awaitRelayed(long total) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (BenchTasks.RELAYED.get() < total) {
            assertThat(System.nanoTime()).as("relayed %d of %d in time", BenchTasks.RELAYED.get(), total)
                    .isLessThan(deadline);
            LockSupport.parkNanos(100_000);
        }
        assertThat(BenchTasks.RELAYED.get()).as("each intent relayed once").isEqualTo(total);
    }

    // ---------------------------------------------------------------- flatness

    private List<Map<String, Object>> flatness() throws Exception {
        OutboxStore store = new OutboxStore(dataSource, BENCH_TABLE);
        execute("DROP TABLE IF EXISTS " + BENCH_TABLE);
        new OutboxSchema(store).create();
        // retention on, so that delivered rows stay as DONE: the same relay in every case
        OutboxRelay relay = new OutboxRelay(store, "bench-relay", SyncExecutor.INSTANCE, true,
                Lanes.dedicated("bench-relay"), RowTransaction.jta(Arc.container().instance(TransactionManager.class).get()),
                new OutboxRelay.Settings(100, Duration.ofSeconds(1), 3, Duration.ofMillis(10), Duration.ofMillis(20),
                        Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofMinutes(1)));
        drain(store, relay, "empty", 0, null); // warm-up
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String backlogKind : List.of("empty", "done", "pending")) {
            double[] perIntent = new double[repeats];
            double[] claimMillis = new double[repeats];
            String plan = null;
            for (int i = 0; i < repeats; i++) {
                List<String> explained = new ArrayList<>();
                perIntent[i] = drain(store, relay, backlogKind, "empty".equals(backlogKind) ? 0 : backlog, explained);
                claimMillis[i] = executionMillis(explained);
                if (plan == null) {
                    plan = String.join("\n", explained);
                    Files.writeString(out.resolve("explain-" + backlogKind + ".txt"), plan + "\n");
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("backlog", backlogKind);
            row.put("backlogRows", "empty".equals(backlogKind) ? 0 : backlog);
            row.put("batch", batch);
            row.put("microsPerIntent", Runs.round2(Runs.median(perIntent)));
            row.put("microsPerIntentRuns", Arrays.stream(perIntent).map(Runs::round2).boxed().toList());
            row.put("claimQueryMillis", Runs.round2(Runs.median(claimMillis)));
            row.put("plan", plan);
            rows.add(row);
        }
        execute("DROP TABLE IF EXISTS " + BENCH_TABLE);
        return rows;
    }

    /**
     * Writes the backlog, then {@code batch} fresh due rows, and times the relay draining them.
     *
     * @param explained when not null, receives the plans of the relay's claim queries on the table as the relay finds
     *        it
     * @return microseconds per relayed intent
     */
    private double drain(OutboxStore store, OutboxRelay relay, String backlogKind, int backlogRows,
            List<String> explained) throws Exception {
        execute("TRUNCATE " + BENCH_TABLE);
        if ("done".equals(backlogKind)) {
            // delivered, kept until the retention ends
            insert(backlogRows, "'DONE'", "now() + interval '7 days' + g * interval '1 millisecond'",
                    "now() - interval '1 hour'");
        } else if ("pending".equals(backlogKind)) {
            // committed, due tomorrow (a delay, or a retry with a long backoff)
            insert(backlogRows, "'PENDING'", "now() + interval '1 day' + g * interval '1 millisecond'", "now()");
        }
        insert(batch, "'PENDING'", "now() - interval '1 minute' + g * interval '1 microsecond'", "now()");
        // what autovacuum does after a bulk insert, done before the clock starts: with a million fresh rows it would
        // otherwise run during the drain and be counted as the relay's cost (runs of 160 and 240 µs alternated)
        execute("VACUUM (ANALYZE) " + BENCH_TABLE);
        if (explained != null) {
            explained.addAll(explainClaim(store));
        }
        BenchTasks.RELAYED.set(0);
        long start = System.nanoTime();
        int claimed;
        int total = 0;
        while ((claimed = relay.drainOnce()) > 0) {
            total += claimed;
        }
        long elapsed = System.nanoTime() - start;
        assertThat(total).isEqualTo(batch);
        assertThat(BenchTasks.RELAYED.get()).isEqualTo(batch);
        return elapsed / 1e3 / batch;
    }

    private void insert(int rows, String status, String nextAttemptAt, String createdAt) throws SQLException {
        execute("INSERT INTO " + BENCH_TABLE + " (id, task, args, options, origin, attempts, next_attempt_at, status, "
                + "last_error, created_at) SELECT gen_random_uuid(), 'bench', '[' || g || ']', '{}', 'bench', 0, "
                + nextAttemptAt + ", " + status + ", NULL, " + createdAt + " FROM generate_series(1, " + rows + ") g");
    }

    /**
     * The relay's claim queries, as its store runs them, each explained with the relay's batch size, rolled back: first
     * as planned for its actual time, then with the generic plan the driver's server-side prepared statement ends up
     * using.
     */
    private List<String> explainClaim(OutboxStore store) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String query : store.claimQueries()) {
                    String claim = query.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2");
                    plan.add(PLANNED + claim);
                    String withValues = claim.replace("$1", "now()").replace("$2", "100");
                    explain(statement, "EXPLAIN (ANALYZE, BUFFERS) " + withValues, plan);
                    statement.execute("PREPARE airlock_bench_claim(timestamptz, int) AS " + claim);
                    statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                    plan.add(GENERIC);
                    explain(statement, "EXPLAIN (ANALYZE, BUFFERS) EXECUTE airlock_bench_claim(now(), 100)", plan);
                    statement.execute("DEALLOCATE airlock_bench_claim");
                    statement.execute("SET LOCAL plan_cache_mode = auto");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return plan;
    }

    private static void explain(Statement statement, String sql, List<String> plan) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                plan.add(result.getString(1));
            }
        }
    }

    /** The execution time of one claim: that of its queries as planned for their actual time. */
    private static double executionMillis(List<String> plan) {
        double total = 0;
        boolean found = false;
        boolean planned = false;
        for (String line : plan) {
            if (line.startsWith(PLANNED)) {
                planned = true;
            } else if (line.equals(GENERIC)) {
                planned = false;
            } else if (planned && line.startsWith("Execution Time:")) {
                total += Double.parseDouble(line.replaceAll("[^0-9.]", ""));
                found = true;
            }
        }
        return found ? total : Double.NaN;
    }

    // ---------------------------------------------------------------- report

    private void print(List<Map<String, Object>> throughput, List<Map<String, Object>> flatness, String loadBefore,
            String loadAfter) {
        StringBuilder report = new StringBuilder("\nAirlock outbox benchmark on PostgreSQL (medians of ").append(repeats)
                .append(" runs; relays: ").append(delivery()).append(")\n\n");
        report.append(String.format(Locale.ROOT, "%-7s %9s %7s %12s %12s %20s%n", "relays", "intents", "per tx",
                "committed/s", "relayed/s", "backlog drained/s"));
        for (Map<String, Object> row : throughput) {
            report.append(String.format(Locale.ROOT, "%-7s %9s %7s %12s %12s %20s%n", row.get("relays"),
                    row.get("intents"), row.get("intentsPerTransaction"), row.get("committedPerSecond"),
                    row.get("relayedPerSecond"), row.get("drainedPerSecond")));
        }
        report.append(String.format(Locale.ROOT, "%n%-9s %12s %10s %16s %18s%n", "backlog", "backlog rows", "batch",
                "relay µs/intent", "claim query ms"));
        for (Map<String, Object> row : flatness) {
            report.append(String.format(Locale.ROOT, "%-9s %12s %10s %16s %18s%n", row.get("backlog"),
                    row.get("backlogRows"), row.get("batch"), row.get("microsPerIntent"), row.get("claimQueryMillis")));
        }
        report.append("\nload average before: ").append(loadBefore).append("\nload average after:  ").append(loadAfter)
                .append("\nresults: ").append(out.toAbsolutePath()).append('\n');
        System.out.println(report);
    }

    private void write(List<Map<String, Object>> throughput, List<Map<String, Object>> flatness, String loadBefore,
            String loadAfter) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", Instant.now().toString());
        json.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        json.put("cpus", Runtime.getRuntime().availableProcessors());
        json.put("loadavgBefore", loadBefore);
        json.put("loadavgAfter", loadAfter);
        json.put("postgresql", serverVersion());
        json.put("relayDelivery", delivery());
        json.put("throughput", throughput);
        json.put("flatness", flatness);
        Files.writeString(out.resolve("results.json"), io.vertx.core.json.Json.encodePrettily(json) + "\n");

        StringBuilder csv = new StringBuilder("benchmark,case,value,unit\n");
        for (Map<String, Object> row : throughput) {
            csv.append("throughput,").append(row.get("relays")).append(" relay(s),").append(row.get("committedPerSecond"))
                    .append(",committed/s\n");
            csv.append("throughput,").append(row.get("relays")).append(" relay(s),").append(row.get("relayedPerSecond"))
                    .append(",relayed/s\n");
            csv.append("throughput,").append(row.get("relays")).append(" relay(s),").append(row.get("drainedPerSecond"))
                    .append(",backlog drained/s\n");
        }
        for (Map<String, Object> row : flatness) {
            csv.append("flatness,").append(row.get("backlog")).append(" backlog,").append(row.get("microsPerIntent"))
                    .append(",µs/intent\n");
            csv.append("flatness,").append(row.get("backlog")).append(" backlog,").append(row.get("claimQueryMillis"))
                    .append(",claim query ms\n");
        }
        Files.writeString(out.resolve("results.csv"), csv);
    }

    /** How the throughput runs' relays run their rows. */
    private static String delivery() {
        Config config = ConfigProvider.getConfig();
        String delivery = config.getOptionalValue("quarkus.airlock.outbox.delivery", String.class).orElse("sync");
        String lanes = "worker".equals(delivery)
                ? "worker, " + config.getValue("quarkus.airlock.outbox.worker-concurrency", Integer.class) + " lanes each"
                : delivery + ", one lane each";
        return lanes + ", claims of " + config.getValue("quarkus.airlock.outbox.batch-size", Integer.class) + " rows";
    }

    private String serverVersion() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Empties the relays' table for the next phase. The previous phase counts as done once its handlers ran, which is
     * before the relays record their outcomes: the table is emptied once no row is claimed any more, so that no relay
     * finds its row gone (and says so in a warning). A delete of the whole table racing a relay's can still deadlock if
     * a relay is too slow for that wait; PostgreSQL then aborts one of the two, and when it picks this one, it runs
     * again.
     */
    private void clearTable() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (claimedRows() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (int attempt = 1;; attempt++) {
            try {
                execute("DELETE FROM airlock_outbox");
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private long claimedRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM airlock_outbox WHERE owner IS NOT NULL")) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
