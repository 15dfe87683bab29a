package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.InvalidTaskMethodException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A private handler fails the build, naming the method and the fix.
 */
public class PrivateTaskMethodTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Handlers.class)
            .assertException(failsWith(InvalidTaskMethodException.class,
                    "PrivateTaskMethodTest$Handlers#hidden(long)", "is private", "package-private"));

    @ApplicationScoped
    public static class Handlers {
        @AirlockTask
        private void hidden(long id) {
        }
    }
}
