package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.UnsupportedTaskSignatureException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A parameter typed by a type variable cannot be checked at enqueue: the build fails.
 */
public class TaskWithTypeVariableTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Handlers.class)
            .assertException(failsWith(UnsupportedTaskSignatureException.class,
                    "TaskWithTypeVariableTest$Handlers#handle(T)", "type variable", "concrete parameter type"));

    @ApplicationScoped
    public static class Handlers {
        @AirlockTask
        <T> void handle(T value) {
        }
    }
}
