package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.UnsupportedTaskSignatureException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A handler returning Uni would never be awaited: the build fails.
 */
public class TaskReturningUniTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Handlers.class)
            .assertException(failsWith(UnsupportedTaskSignatureException.class,
                    "TaskReturningUniTest$Handlers#later(long)", "io.smallrye.mutiny.Uni", "Return void"));

    @ApplicationScoped
    public static class Handlers {
        @AirlockTask
        io.smallrye.mutiny.Uni<Void> later(long id) {
            return io.smallrye.mutiny.Uni.createFrom().voidItem();
        }
    }
}
