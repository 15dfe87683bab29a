package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.deployment.exception.InvalidTaskMethodException;
import io.quarkiverse.airlock.deployment.exception.UnsupportedTaskSignatureException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A handler Airlock cannot call, or whose signature it cannot honour, fails the build, naming the method and the fix:
 * a private or static method, an asynchronous return type that would never be awaited, a parameter typed by a type
 * variable that cannot be checked at enqueue. One build reports them all.
 */
public class InvalidTaskMethodSignatureTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Handlers.class)
            .assertException(failsWith(InvalidTaskMethodException.class,
                    "InvalidTaskMethodSignatureTest$Handlers#hidden(long)", "is private", "package-private")
                    .andThen(failsWith(InvalidTaskMethodException.class,
                            "InvalidTaskMethodSignatureTest$Handlers#shared(long)", "is static", "Remove 'static'"))
                    .andThen(failsWith(UnsupportedTaskSignatureException.class,
                            "InvalidTaskMethodSignatureTest$Handlers#later(long)", "io.smallrye.mutiny.Uni",
                            "Return void"))
                    .andThen(failsWith(UnsupportedTaskSignatureException.class,
                            "InvalidTaskMethodSignatureTest$Handlers#handle(T)", "type variable",
                            "concrete parameter type")));

    /** Each method breaks one rule: the build judges every handler on its own. */
    @ApplicationScoped
    public static class Handlers {
        @AirlockTask
        private void hidden(long id) {
        }

        @AirlockTask
        static void shared(long id) {
        }

        @AirlockTask
        io.smallrye.mutiny.Uni<Void> later(long id) {
            return io.smallrye.mutiny.Uni.createFrom().voidItem();
        }

        @AirlockTask
        <T> void handle(T value) {
        }
    }
}
