package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.MissingMessagingExtensionException;
import io.quarkiverse.airlock.test.AbstractBuildFailureTest;
import io.quarkiverse.airlock.test.BuildFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.outbox.delivery=messaging in an application without Quarkus Messaging fails the build, naming that
 * property and the extension to add.
 */
public class OutboxMessagingWithoutExtensionTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-no-messaging")
            .overrideConfigKey("quarkus.airlock.outbox.delivery", "messaging")
            .assertException(failure -> assertThat(BuildFailures.find(failure, MissingMessagingExtensionException.class))
                    .hasMessageStartingWith("quarkus.airlock.outbox.delivery=messaging needs Quarkus Messaging")
                    .hasMessageContainingAll("io.quarkus:quarkus-messaging", "quarkus-messaging-rabbitmq")
                    .hasMessageNotContaining("quarkus.airlock.executor=messaging"));
}
