package it.outbox.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;

/**
 * The peer's benchmark at the toy sizes of Airlock's OutboxBenchmarkSmokeTest, in the normal build, so that it keeps
 * running: every intent committed is delivered once, every fresh row is drained past each kind of backlog, and the
 * results are written, side by side with those of Airlock's smoke run when the build ran it before. Its numbers mean
 * nothing.
 */
class PeerOutboxBenchmarkSmokeTest extends PeerOutboxBenchmarkBase {

    private static final Path AIRLOCK_SMOKE = Path.of("../outbox-postgresql/target/outbox-bench-smoke/results.json");

    @Override
    int size(String name, int benchmark) {
        return switch (name) {
            case "intents" -> 300;
            case "per-transaction" -> 100;
            case "backlog" -> 1_000;
            case "batch" -> 200;
            case "peer-threads" -> benchmark;
            default -> 1;
        };
    }

    @Override
    Path output() {
        return Path.of("target/outbox-bench-smoke");
    }

    @Override
    Path airlockResults() {
        return AIRLOCK_SMOKE;
    }

    @AfterEach
    void resultsAreWritten() throws Exception {
        Path results = out.resolve(PEER + ".json");
        assertThat(results).exists();
        assertThat(Files.readString(results)).contains("\"relayedPerSecond\"", "\"microsPerIntent\"");
        if (Files.exists(AIRLOCK_SMOKE)) {
            assertThat(Files.readString(out.resolve("side-by-side.txt"))).contains("relay µs/intent", "pending backlog");
        }
    }
}
