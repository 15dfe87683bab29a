package io.quarkiverse.airlock.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidPolicyClassException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A default policy that cannot be found fails the build, listing the built-in names.
 */
public class UnknownDefaultPolicyTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(BuildFailures.class)
            .overrideConfigKey("quarkus.airlock.policy", "com.nowhere.Missing")
            .assertException(failsWith(InvalidPolicyClassException.class,
                    "Policy class com.nowhere.Missing used by quarkus.airlock.policy cannot be found",
                    "allow-all", "drop-all",
                    "the fully qualified name of a class implementing io.quarkiverse.airlock.Policy"));
}
