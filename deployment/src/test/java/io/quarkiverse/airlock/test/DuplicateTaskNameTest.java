package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.DuplicateTaskNameException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Two handlers with one task name fail the build, naming both methods.
 */
public class DuplicateTaskNameTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(First.class, Second.class))
            .assertException(failure -> assertThat(BuildFailures.find(failure, DuplicateTaskNameException.class))
                    .hasMessageContainingAll("'same'", "DuplicateTaskNameTest$First#handle(java.lang.String)",
                            "DuplicateTaskNameTest$Second#other(java.lang.String)", "@AirlockTask(\"...\")"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }

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
