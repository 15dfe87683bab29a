package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.executor=virtual-threads runs each handler on a virtual thread.
 */
public class VirtualThreadExecutorTest extends AsyncExecutorContract {

    @RegisterExtension
    static final QuarkusUnitTest config = applicationWith("virtual-threads");

    @Override
    void assertRanOnExecutorThread(Seen seen) {
        if (Runtime.version().feature() >= 21) {
            assertThat(seen.virtual).as("a virtual thread (%s)", seen).isTrue();
        } else {
            System.err.println("#### virtual threads need JDK 21: checked that the handler ran on another thread ####");
            assertThat(seen.threadName).doesNotStartWith("vert.x-eventloop");
        }
    }
}
