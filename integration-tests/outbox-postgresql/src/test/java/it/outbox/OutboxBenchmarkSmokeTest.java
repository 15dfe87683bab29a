package it.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox benchmark at toy sizes, in the normal build, so that it keeps running: every intent committed is relayed
 * once, every fresh row is drained past each kind of backlog, and the results are written. Its numbers mean nothing.
 */
@QuarkusTest
class OutboxBenchmarkSmokeTest extends OutboxBenchmarkBase {

    @Override
    int size(String name, int benchmark) {
        return switch (name) {
            case "intents" -> 300;
            case "per-transaction" -> 100;
            case "backlog" -> 1_000;
            case "batch" -> 200;
            default -> 1;
        };
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
