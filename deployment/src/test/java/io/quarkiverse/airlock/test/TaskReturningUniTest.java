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
 * A handler returning Uni would never be awaited: the build fails.
 */
public class TaskReturningUniTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class))
            .assertException(failure -> assertThat(BuildFailures.find(failure, UnsupportedTaskSignatureException.class))
                    .hasMessageContainingAll("TaskReturningUniTest$Handlers#later(long)", "io.smallrye.mutiny.Uni",
                            "Return void"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }

    @ApplicationScoped
    public static class Handlers {
        @AirlockTask
        io.smallrye.mutiny.Uni<Void> later(long id) {
            return io.smallrye.mutiny.Uni.createFrom().voidItem();
        }
    }
}
