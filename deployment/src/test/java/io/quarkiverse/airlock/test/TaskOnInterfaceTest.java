package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.InvalidTaskMethodException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A handler declared on an interface is on no bean, even when a bean implements the interface: the build fails and
 * says where handlers belong.
 */
public class TaskOnInterfaceTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Api.class, Impl.class)
            .assertException(failsWith(InvalidTaskMethodException.class,
                    "io.quarkiverse.airlock.test.TaskOnInterfaceTest$Api#handle(long)",
                    "is declared on an interface", "concrete bean class", "@ApplicationScoped or @Singleton"));

    public interface Api {
        @AirlockTask
        void handle(long id);
    }

    // implements the method but does not declare it a task: annotations on interface methods are not inherited
    @ApplicationScoped
    public static class Impl implements Api {
        @Override
        public void handle(long id) {
        }
    }
}
