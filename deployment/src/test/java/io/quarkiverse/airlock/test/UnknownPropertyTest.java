package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.UnknownAirlockPropertyException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A misspelled {@code quarkus.airlock.*} key fails the build, naming the key and the valid keys.
 */
public class UnknownPropertyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.airlock.exector", "worker")
            .assertException(failure -> assertThat(BuildFailures.find(failure, UnknownAirlockPropertyException.class))
                    .hasMessageContainingAll("'quarkus.airlock.exector'", "quarkus.airlock.executor",
                            "quarkus.airlock.policy", "quarkus.airlock.enabled"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
