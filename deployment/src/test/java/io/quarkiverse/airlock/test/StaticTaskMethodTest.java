package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.InvalidTaskMethodException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A static handler fails the build, naming the method and the fix.
 */
public class StaticTaskMethodTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Handlers.class)
            .assertException(failsWith(InvalidTaskMethodException.class,
                    "StaticTaskMethodTest$Handlers#shared(long)", "is static", "Remove 'static'"));

    @ApplicationScoped
    public static class Handlers {
        @AirlockTask
        static void shared(long id) {
        }
    }
}
