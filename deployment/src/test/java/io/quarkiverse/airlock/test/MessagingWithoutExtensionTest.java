package io.quarkiverse.airlock.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.MissingMessagingExtensionException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.executor=messaging in an application without Quarkus Messaging fails the build, naming the
 * property and the extension to add.
 */
public class MessagingWithoutExtensionTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.airlock.executor", "messaging")
            .assertException(failsWith(MissingMessagingExtensionException.class,
                    "quarkus.airlock.executor=messaging", "io.quarkus:quarkus-messaging",
                    "quarkus-messaging-rabbitmq"));
}
