package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Outbox settings that cannot work stop the application at start-up, with a message naming every such property and
 * its value, instead of a relay that claims nothing or spins.
 */
public class OutboxInvalidSettingsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-invalid-settings")
            .overrideConfigKey("quarkus.airlock.outbox.batch-size", "0")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "0s")
            .overrideConfigKey("quarkus.airlock.outbox.lease", "-1s")
            .overrideConfigKey("quarkus.airlock.outbox.hold-timeout", "0s")
            .overrideConfigKey("quarkus.airlock.outbox.max-attempts", "0")
            .overrideConfigKey("quarkus.airlock.outbox.initial-backoff", "40m")
            .overrideConfigKey("quarkus.airlock.outbox.handler-timeout", "0s")
            .overrideConfigKey("quarkus.airlock.outbox.worker-concurrency", "0")
            .overrideConfigKey("quarkus.airlock.outbox.retention", "-5m")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause != null && !(cause instanceof ConfigurationException)) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a ConfigurationException in " + failure).isNotNull();
                assertThat(cause.getMessage()).contains(
                        "quarkus.airlock.outbox.batch-size=0 must be at least 1",
                        "quarkus.airlock.outbox.poll-interval=0s must be longer than zero",
                        "quarkus.airlock.outbox.lease=-1s must be longer than zero",
                        "quarkus.airlock.outbox.hold-timeout=0s must be longer than zero",
                        "quarkus.airlock.outbox.max-attempts=0 must be at least 1",
                        "quarkus.airlock.outbox.initial-backoff=40m is longer than quarkus.airlock.outbox.max-backoff=30m",
                        "quarkus.airlock.outbox.handler-timeout=0s must be longer than zero",
                        "quarkus.airlock.outbox.worker-concurrency=0 must be at least 1",
                        "quarkus.airlock.outbox.retention=-5m is negative");
            });

    @Test
    void theApplicationDoesNotStart() {
        // assertException above checks the start-up failure
    }
}
