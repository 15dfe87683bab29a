package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.deployment.exception.InvalidExecutorException;
import io.quarkiverse.airlock.deployment.exception.InvalidPolicyClassException;
import io.quarkiverse.airlock.deployment.exception.UnknownAirlockPropertyException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Configuration the build cannot honour fails it, each problem naming the property and the fix; one build reports them
 * all: a misspelled {@code quarkus.airlock.*} key (listing the valid keys), a default policy that cannot be found
 * (listing the built-in names), an executor bean name that points at a bean that is not an IntentExecutor (naming the
 * bean class).
 */
public class InvalidConfigurationTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Thing.class)
            .overrideConfigKey("quarkus.airlock.exector", "worker")
            .overrideConfigKey("quarkus.airlock.policy", "com.nowhere.Missing")
            .overrideConfigKey("quarkus.airlock.executor", "thing")
            .assertException(failsWith(UnknownAirlockPropertyException.class,
                    "'quarkus.airlock.exector'", "quarkus.airlock.executor",
                    "quarkus.airlock.policy", "quarkus.airlock.enabled")
                    .andThen(failsWith(InvalidPolicyClassException.class,
                            "Policy class com.nowhere.Missing used by quarkus.airlock.policy cannot be found",
                            "allow-all", "drop-all",
                            "the fully qualified name of a class implementing io.quarkiverse.airlock.Policy"))
                    .andThen(failsWith(InvalidExecutorException.class,
                            "quarkus.airlock.executor=thing",
                            "the bean named 'thing' (io.quarkiverse.airlock.test.InvalidConfigurationTest$Thing)",
                            "does not implement io.quarkiverse.airlock.IntentExecutor",
                            "[sync, worker, virtual-threads, event-bus, messaging]",
                            "@Named name of a bean implementing")));

    @Named("thing")
    @ApplicationScoped
    public static class Thing {
    }
}
