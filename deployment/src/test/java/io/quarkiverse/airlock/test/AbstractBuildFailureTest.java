package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Consumer;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A test of an application that must not build, or not start. The subclass registers the {@link QuarkusUnitTest} that
 * builds it, usually {@code buildOf(classes).assertException(failsWith(type, messageParts))}; if the build succeeds,
 * the test method inherited from here fails.
 */
public abstract class AbstractBuildFailureTest {

    /** An application made of the given classes. */
    protected static QuarkusUnitTest buildOf(Class<?>... classes) {
        return new QuarkusUnitTest().withApplicationRoot((JavaArchive jar) -> jar.addClasses(classes));
    }

    /**
     * Asserts that the build failed with a {@code type} whose message contains every one of {@code messageParts}; when
     * the build reports several problems of that type, one of them must. Chain them with {@code andThen} to expect
     * several problems of one build.
     */
    protected static Consumer<Throwable> failsWith(Class<? extends Throwable> type, String... messageParts) {
        return failure -> assertThat(BuildFailures.all(failure, type))
                .as("the %s problems the build reported", type.getSimpleName())
                .anySatisfy(problem -> assertThat(problem).hasMessageContainingAll(messageParts));
    }

    /**
     * Asserts that the messages of the failure and of its causes, taken together, contain every one of
     * {@code messageParts}: for a failure whose type does not matter, such as a start-up check's.
     */
    protected static Consumer<Throwable> failsMentioning(String... messageParts) {
        return failure -> {
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(messageParts);
        };
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
