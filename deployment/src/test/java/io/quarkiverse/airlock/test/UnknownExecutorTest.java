package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidExecutorException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An executor name that is neither built in nor a bean fails the build, listing the built-in names and the fix.
 */
public class UnknownExecutorTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(BuildFailures.class))
            .overrideConfigKey("quarkus.airlock.executor", "nosuchbean")
            .assertException(failure -> assertThat(BuildFailures.find(failure, InvalidExecutorException.class))
                    .hasMessageContainingAll("quarkus.airlock.executor=nosuchbean", "no bean is named 'nosuchbean'",
                            "[sync, worker, virtual-threads, event-bus, messaging]",
                            "or the @Named name of a bean implementing io.quarkiverse.airlock.IntentExecutor"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
