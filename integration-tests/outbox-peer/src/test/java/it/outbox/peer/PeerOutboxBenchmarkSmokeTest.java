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

    @Override
    boolean smoke() {
        return true;
    }

    @AfterEach
    void resultsAreWritten() throws Exception {
        Path results = out.resolve(PEER + ".json");
        assertThat(results).exists();
        assertThat(Files.readString(results)).contains("\"relayedPerSecond\"", "\"microsPerIntent\"");
        if (Files.exists(airlockResults())) {
            assertThat(Files.readString(out.resolve("side-by-side.txt"))).contains("relay µs/intent", "pending backlog");
        }
    }
}
