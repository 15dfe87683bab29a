package it.outbox.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.GsonBuilder;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import it.outbox.bench.BenchSizes;
import it.outbox.bench.Runs;
import it.outbox.bench.ThroughputRuns;

/**
 * The work of Airlock's outbox benchmark (integration-tests/outbox-postgresql, OutboxBenchmarkBase), done by the peer
 * outbox on the same PostgreSQL, with the same sizes ({@code bench.*}), the same driver and the same pool of 30
 * connections; {@link PeerOutboxBenchmark} runs it at full size, {@link PeerOutboxBenchmarkSmokeTest} at toy size.
 * <ol>
 * <li>Throughput: intents committed in transactions of {@code per-transaction} by one writer thread and run by a handler
 * that only counts, with one instance and with a second instance flushing the same table; and, with no writer, how fast
 * those instances drain a backlog of committed intents that all fall due at once.</li>
 * <li>Flatness: what one instance pays per intent to drain a batch of fresh due rows from an empty table, and from a
 * table already holding a backlog of delivered rows the peer keeps (those with a unique request id, kept for its
 * retention), or of pending rows not due yet. The backlog is written with plain SQL, as Airlock's is.</li>
 * </ol>
 * Results go to {@code bench.out} (default {@code target/outbox-bench}), with the side-by-side table when Airlock's
 * results are there.
 */
abstract class PeerOutboxBenchmarkBase {

    static final String PEER = "transaction-outbox";
    static final String PEER_VERSION = "4.2.268";

    /** The database of Airlock's benchmark application, under the property that points it elsewhere. */
    private static final String URL = System.getProperty("airlock.it.jdbc-url",
            "jdbc:postgresql://127.0.0.1:5432/airlock");

    final BenchSizes sizes = smoke() ? BenchSizes.SMOKE : BenchSizes.fromProperties();
    /**
     * The threads of an instance's executor, each delivering one intent per transaction: the best of 1, 4, 8, 16 and 24
     * on this 2-core machine class, as concurrent commits share the disk flushes.
     */
    final int threads = Integer.getInteger("bench.peer-threads", 16);
    /**
     * PostgreSQL's {@code synchronous_commit} for every connection of the peer; {@code off} shows what the peer loses to
     * waiting for the disk at each commit, at the price of durability: its intents' commits would not wait either.
     */
    final String synchronousCommit = System.getProperty("bench.peer-synchronous-commit", "on");
    final Path out = output();

    private AgroalDataSource dataSource;
    /** The application's instance: writes, runs what it commits, flushes. */
    private PeerOutbox application;
    /** Writes the backlogs. */
    private PeerOutbox deferring;

    /** Whether this is the smoke run, at the toy sizes of Airlock's, in the normal build. */
    boolean smoke() {
        return false;
    }

    /** Where the results go. */
    private Path output() {
        return smoke() ? Path.of("target/outbox-bench-smoke")
                : Path.of(System.getProperty("bench.out", "target/outbox-bench"));
    }

    /** The results of Airlock's benchmark of the same run: bench.sh gives both the same folder. */
    Path airlockResults() {
        return smoke() ? Path.of("../outbox-postgresql/target/outbox-bench-smoke/results.json")
                : out.resolve("results.json");
    }

    @BeforeEach
    void start() throws Exception {
        // Airlock's benchmark application: quarkus-agroal with quarkus.datasource.jdbc.max-size=30
        dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(30)
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(URL)
                                .principal(new NamePrincipal("airlock"))
                                .credential(new SimplePassword("airlock"))
                                .jdbcProperty("options", "-c synchronous_commit=" + synchronousCommit))));
        application = PeerOutbox.relaying(dataSource, threads); // its construction runs the peer's migrations
        deferring = PeerOutbox.deferring(dataSource);
        execute("DELETE FROM " + PeerOutbox.TABLE);
    }

    @AfterEach
    void stop() throws Exception {
        application.close();
        deferring.close();
        dataSource.close();
    }

    @Test
    void benchmark() throws Exception {
        Files.createDirectories(out);
        String loadBefore = loadavg();
        List<Map<String, Object>> throughput = throughput();
        List<Map<String, Object>> flatness = flatness();
        String loadAfter = loadavg();

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", Instant.now().toString());
        results.put("peer", PEER + " " + PEER_VERSION
                + ("on".equals(synchronousCommit) ? "" : " (synchronous_commit=" + synchronousCommit + ")"));
        results.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        results.put("executorThreads", threads);
        results.put("loadavgBefore", loadBefore);
        results.put("loadavgAfter", loadAfter);
        results.put("throughput", throughput);
        results.put("flatness", flatness);
        String json = new GsonBuilder().setPrettyPrinting().create().toJson(results);
        Files.writeString(out.resolve(PEER + ".json"), json + "\n");

        if (Files.exists(airlockResults())) {
            SideBySide table = SideBySide.of(Files.readString(airlockResults()), json);
            Files.writeString(out.resolve("side-by-side.txt"), table.text());
            Files.writeString(out.resolve("side-by-side.csv"), table.csv());
            System.out.println("\n" + table.text() + "results: " + out.toAbsolutePath() + "\n");
        } else {
            System.out.println("\n" + PEER + " results (no Airlock results at " + airlockResults() + " to compare): "
                    + json + "\n");
        }
    }

    // ---------------------------------------------------------------- throughput

    private List<Map<String, Object>> throughput() throws Exception {
        application.startFlushing("peer-application-flush");
        try {
            return ThroughputRuns.measure(sizes.intents(), sizes.perTransaction(), sizes.repeats(), this::commitAndRelay,
                    this::drainBacklog);
        } finally {
            application.stopFlushing();
        }
    }

    /**
     * Commits {@code total} intents, one writer thread, while {@code relays} instances run them.
     *
     * @return intents committed per second, and intents delivered per second from the first commit to the last delivery
     */
    private double[] commitAndRelay(int total, int relays) throws Exception {
        reset(total);
        try (PeerOutbox second = relays < 2 ? null : secondInstance()) {
            long start = System.nanoTime();
            application.commitAll(total, sizes.perTransaction());
            long committed = System.nanoTime();
            awaitDelivered(total);
            long relayed = System.nanoTime();
            return new double[] { total * 1e9 / (committed - start), total * 1e9 / (relayed - start) };
        }
    }

    /** A second instance of the same application, as a second process would run it: it only flushes. */
    private PeerOutbox secondInstance() {
        PeerOutbox second = PeerOutbox.relaying(dataSource, threads);
        second.startFlushing("peer-second-flush");
        return second;
    }

    /**
     * What the instances alone can do: {@code total} intents are committed not yet due, then all made due at once and
     * drained by {@code relays} instances, with no writer competing for the machine.
     *
     * @return intents delivered per second
     */
    private double drainBacklog(int total, int relays) throws Exception {
        reset(total);
        try (PeerOutbox second = relays < 2 ? null : secondInstance()) {
            deferring.commitAll(total, sizes.perTransaction());
            execute("UPDATE " + PeerOutbox.TABLE + " SET nextAttemptTime = nextAttemptTime - interval '2 hours'");
            long start = System.nanoTime();
            application.nudge();
            if (second != null) {
                second.nudge();
            }
            awaitDelivered(total);
            return total * 1e9 / (System.nanoTime() - start);
        }
    }

    // ---------------------------------------------------------------- flatness

    private List<Map<String, Object>> flatness() throws Exception {
        String invocation = deferring.invocationOfOneIntent(dataSource);
        // the application's instance, its background loop stopped: flushed here, as Airlock's relay under test is
        drain(invocation, "empty", 0); // warm-up
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String backlogKind : List.of("empty", "done", "pending")) {
            int backlogRows = "empty".equals(backlogKind) ? 0 : sizes.backlog();
            double[] perIntent = new double[sizes.repeats()];
            for (int i = 0; i < sizes.repeats(); i++) {
                perIntent[i] = drain(invocation, backlogKind, backlogRows);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("backlog", backlogKind);
            row.put("backlogRows", backlogRows);
            row.put("batch", sizes.batch());
            row.put("microsPerIntent", Runs.round2(Runs.median(perIntent)));
            row.put("microsPerIntentRuns", Arrays.stream(perIntent).map(Runs::round2).boxed().toList());
            rows.add(row);
        }
        return rows;
    }

    /**
     * Writes the backlog, then {@code batch} fresh due rows, and times the instance flushing them until each is
     * delivered.
     *
     * @return microseconds per delivered intent
     */
    private double drain(String invocation, String backlogKind, int backlogRows) throws Exception {
        reset(sizes.batch());
        if ("done".equals(backlogKind)) {
            // delivered, kept until the retention ends: the peer keeps only those with a unique request id
            insert(invocation, backlogRows, "'done-' || g", "true",
                    "LOCALTIMESTAMP + interval '7 days' + g * interval '1 millisecond'");
        } else if ("pending".equals(backlogKind)) {
            // committed, due tomorrow (a retry with a long interval)
            insert(invocation, backlogRows, "NULL", "false",
                    "LOCALTIMESTAMP + interval '1 day' + g * interval '1 millisecond'");
        }
        insert(invocation, sizes.batch(), "NULL", "false",
                "LOCALTIMESTAMP - interval '1 minute' + g * interval '1 microsecond'");
        // what autovacuum does after a bulk insert, before the clock starts, as Airlock's benchmark does
        execute("VACUUM (ANALYZE) " + PeerOutbox.TABLE);
        long start = System.nanoTime();
        application.flushAll();
        awaitDelivered(sizes.batch());
        return (System.nanoTime() - start) / 1e3 / sizes.batch();
    }

    private void insert(String invocation, int rows, String uniqueRequestId, String processed, String nextAttemptTime)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO " + PeerOutbox.TABLE
                        + " (id, uniqueRequestId, invocation, lastAttemptTime, nextAttemptTime, attempts, blocked,"
                        + " processed, version) SELECT gen_random_uuid()::text, " + uniqueRequestId + ", ?, NULL, "
                        + nextAttemptTime + ", 0, false, " + processed + ", 1 FROM generate_series(1, " + rows
                        + ") g")) {
            statement.setString(1, invocation);
            statement.execute();
        }
    }

    // ---------------------------------------------------------------- common

    /**
     * Empties the peer's table for the next phase, once the previous phase's deliveries have all committed, and
     * expects {@code total} deliveries.
     */
    private void reset(int total) throws SQLException {
        execute("DELETE FROM " + PeerOutbox.TABLE);
        BenchHandler.HANDLED.set(0);
        PeerOutbox.DELIVERED.expect(total);
    }

    private static void awaitDelivered(int total) throws InterruptedException {
        assertThat(PeerOutbox.DELIVERED.await(Duration.ofMinutes(5))).as("delivered %d of %d in time",
                PeerOutbox.DELIVERED.count(), total).isTrue();
        assertThat(PeerOutbox.DELIVERED.count()).as("each intent delivered once").isEqualTo(total);
        assertThat(BenchHandler.HANDLED.get()).as("each handler ran once").isEqualTo(total);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
