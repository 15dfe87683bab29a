package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.InvalidTaskMethodException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A private handler fails the build, naming the method and the fix.
 */
public class PrivateTaskMethodTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class))
            .assertException(failure -> assertThat(BuildFailures.find(failure, InvalidTaskMethodException.class))
                    .hasMessageContainingAll("PrivateTaskMethodTest$Handlers#hidden(long)", "is private", "package-private"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }

    @ApplicationScoped
    public static class Handlers {
        @AirlockTask
        private void hidden(long id) {
        }
    }
}
