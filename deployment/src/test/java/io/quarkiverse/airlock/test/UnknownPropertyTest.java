package io.quarkiverse.airlock.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.UnknownAirlockPropertyException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A misspelled {@code quarkus.airlock.*} key fails the build, naming the key and the valid keys.
 */
public class UnknownPropertyTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.airlock.exector", "worker")
            .assertException(failsWith(UnknownAirlockPropertyException.class,
                    "'quarkus.airlock.exector'", "quarkus.airlock.executor",
                    "quarkus.airlock.policy", "quarkus.airlock.enabled"));
}
