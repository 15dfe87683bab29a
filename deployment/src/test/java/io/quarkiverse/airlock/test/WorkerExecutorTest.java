package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.executor=worker runs each handler on a Quarkus worker thread.
 */
public class WorkerExecutorTest extends AsyncExecutorContract {

    @RegisterExtension
    static final QuarkusUnitTest config = applicationWith("worker");

    @Override
    void assertRanOnExecutorThread(Seen seen) {
        assertThat(seen.threadName).as("a Quarkus worker thread").startsWith("executor-thread");
        assertThat(seen.virtual).isFalse();
    }
}
