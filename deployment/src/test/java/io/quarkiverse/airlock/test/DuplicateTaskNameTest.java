package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.DuplicateTaskNameException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Two handlers with one task name fail the build, naming both methods.
 */
public class DuplicateTaskNameTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(First.class, Second.class)
            .assertException(failsWith(DuplicateTaskNameException.class,
                    "'same'", "DuplicateTaskNameTest$First#handle(java.lang.String)",
                    "DuplicateTaskNameTest$Second#other(java.lang.String)", "@AirlockTask(\"...\")"));

    @ApplicationScoped
    public static class First {
        @AirlockTask("same")
        void handle(String text) {
        }
    }

    @ApplicationScoped
    public static class Second {
        @AirlockTask("same")
        void other(String text) {
        }
    }
}
