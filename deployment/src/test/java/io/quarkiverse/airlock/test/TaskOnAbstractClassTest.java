package io.quarkiverse.airlock.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.InvalidTaskMethodException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A handler on an abstract class is on no bean: the build fails and says where handlers belong.
 */
public class TaskOnAbstractClassTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Base.class)
            .assertException(failsWith(InvalidTaskMethodException.class,
                    "io.quarkiverse.airlock.test.TaskOnAbstractClassTest$Base#handle(long)",
                    "is declared on an abstract class", "concrete bean class", "@ApplicationScoped or @Singleton"));

    public abstract static class Base {
        @AirlockTask
        void handle(long id) {
        }
    }
}
