package io.quarkiverse.airlock.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidExecutorException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An executor name that is neither built in nor a bean fails the build, listing the built-in names and the fix.
 */
public class UnknownExecutorTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(BuildFailures.class)
            .overrideConfigKey("quarkus.airlock.executor", "nosuchbean")
            .assertException(failsWith(InvalidExecutorException.class,
                    "quarkus.airlock.executor=nosuchbean", "no bean is named 'nosuchbean'",
                    "[sync, worker, virtual-threads, event-bus, messaging]",
                    "or the @Named name of a bean implementing io.quarkiverse.airlock.IntentExecutor"));
}
