package io.quarkiverse.airlock.test;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.deployment.exception.InvalidPolicyClassException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A policy named by @AirlockScope that Airlock cannot create fails the build, naming the class and its use.
 */
public class InvalidPolicyClassTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = buildOf(Service.class, NeedsNames.class)
            .assertException(failsWith(InvalidPolicyClassException.class,
                    "Policy class io.quarkiverse.airlock.test.InvalidPolicyClassTest$NeedsNames",
                    "used by io.quarkiverse.airlock.test.InvalidPolicyClassTest$Service#run()",
                    "no non-private no-arg (or @Inject) constructor", "Add one"));

    public static class NeedsNames extends BlockTasks {
        public NeedsNames(String name) {
            super(name);
        }
    }

    @ApplicationScoped
    public static class Service {
        @AirlockScope(policy = NeedsNames.class)
        public void run() {
        }
    }
}
