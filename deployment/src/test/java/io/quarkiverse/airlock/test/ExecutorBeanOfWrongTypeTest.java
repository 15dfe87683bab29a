package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidExecutorException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An executor bean name that points at a bean that is not an IntentExecutor fails the build, naming the bean class.
 */
public class ExecutorBeanOfWrongTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Thing.class))
            .overrideConfigKey("quarkus.airlock.executor", "thing")
            .assertException(failure -> assertThat(BuildFailures.find(failure, InvalidExecutorException.class))
                    .hasMessageContainingAll("quarkus.airlock.executor=thing",
                            "the bean named 'thing' (io.quarkiverse.airlock.test.ExecutorBeanOfWrongTypeTest$Thing)",
                            "does not implement io.quarkiverse.airlock.IntentExecutor",
                            "[sync, worker, virtual-threads, event-bus, messaging]", "@Named name of a bean implementing"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }

    @jakarta.inject.Named("thing")
    @ApplicationScoped
    public static class Thing {
    }
}
