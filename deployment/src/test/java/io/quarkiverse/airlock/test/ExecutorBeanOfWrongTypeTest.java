package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidExecutorException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An executor bean name that points at a bean that is not an IntentExecutor fails the build, naming the bean class.
 */
public class ExecutorBeanOfWrongTypeTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Thing.class)
            .overrideConfigKey("quarkus.airlock.executor", "thing")
            .assertException(failsWith(InvalidExecutorException.class,
                    "quarkus.airlock.executor=thing",
                    "the bean named 'thing' (io.quarkiverse.airlock.test.ExecutorBeanOfWrongTypeTest$Thing)",
                    "does not implement io.quarkiverse.airlock.IntentExecutor",
                    "[sync, worker, virtual-threads, event-bus, messaging]", "@Named name of a bean implementing"));

    @jakarta.inject.Named("thing")
    @ApplicationScoped
    public static class Thing {
    }
}
