package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.UnsupportedTaskSignatureException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A parameter typed by a type variable cannot be checked at enqueue: the build fails.
 */
public class TaskWithTypeVariableTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class))
            .assertException(failure -> assertThat(BuildFailures.find(failure, UnsupportedTaskSignatureException.class))
                    .hasMessageContainingAll("TaskWithTypeVariableTest$Handlers#handle(T)", "type variable",
                            "concrete parameter type"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }

    @ApplicationScoped
    public static class Handlers {
        @AirlockTask
        <T> void handle(T value) {
        }
    }
}
