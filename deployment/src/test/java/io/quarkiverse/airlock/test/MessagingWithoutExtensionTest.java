package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.MissingMessagingExtensionException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.executor=messaging in an application without Quarkus Messaging fails the build, naming the
 * property and the extension to add.
 */
public class MessagingWithoutExtensionTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.airlock.executor", "messaging")
            .assertException(failure -> assertThat(BuildFailures.find(failure, MissingMessagingExtensionException.class))
                    .hasMessageContainingAll("quarkus.airlock.executor=messaging", "io.quarkus:quarkus-messaging",
                            "quarkus-messaging-rabbitmq"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
