package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.InvalidTaskMethodException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A handler on an abstract class is on no bean: the build fails and says where handlers belong.
 */
public class TaskOnAbstractClassTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Base.class))
            .assertException(failure -> assertThat(BuildFailures.find(failure, InvalidTaskMethodException.class))
                    .hasMessageContainingAll("io.quarkiverse.airlock.test.TaskOnAbstractClassTest$Base#handle(long)",
                            "is declared on an abstract class", "concrete bean class", "@ApplicationScoped or @Singleton"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }

    public abstract static class Base {
        @AirlockTask
        void handle(long id) {
        }
    }
}
