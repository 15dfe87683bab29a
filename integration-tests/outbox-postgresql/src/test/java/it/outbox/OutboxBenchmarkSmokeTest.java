package it.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;

import io.quarkus.test.junit.QuarkusTest;
import it.outbox.bench.BenchSizes;

/**
 * The outbox benchmark at toy sizes, in the normal build, so that it keeps running: every intent committed is relayed
 * once, every fresh row is drained past each kind of backlog, and the results are written. Its numbers mean nothing.
 */
@QuarkusTest
class OutboxBenchmarkSmokeTest extends OutboxBenchmarkBase {

    @Override
    BenchSizes sizes() {
        return BenchSizes.SMOKE;
    }

    @Override
    Path output() {
        return Path.of("target/outbox-bench-smoke");
    }

    @AfterEach
    void resultsAreWritten() throws Exception {
        Path results = out.resolve("results.json");
        assertThat(results).exists();
        assertThat(Files.readString(results)).contains("\"relayedPerSecond\"", "\"microsPerIntent\"");
        assertThat(Files.readString(out.resolve("explain-pending.txt"))).contains("Index Scan");
    }
}
