package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidPolicyClassException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A default policy that cannot be found fails the build, listing the built-in names.
 */
public class UnknownDefaultPolicyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(BuildFailures.class))
            .overrideConfigKey("quarkus.airlock.policy", "com.nowhere.Missing")
            .assertException(failure -> assertThat(BuildFailures.find(failure, InvalidPolicyClassException.class))
                    .hasMessageContainingAll("Policy class com.nowhere.Missing used by quarkus.airlock.policy cannot be found",
                            "allow-all", "drop-all",
                            "the fully qualified name of a class implementing io.quarkiverse.airlock.Policy"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
