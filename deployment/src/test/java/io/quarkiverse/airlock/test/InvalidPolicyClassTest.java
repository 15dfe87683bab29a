package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.deployment.exception.InvalidPolicyClassException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A policy named by @AirlockScope that Airlock cannot create fails the build, naming the class and its use.
 */
public class InvalidPolicyClassTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Service.class, NeedsNames.class))
            .assertException(failure -> assertThat(BuildFailures.find(failure, InvalidPolicyClassException.class))
                    .hasMessageContainingAll("Policy class io.quarkiverse.airlock.test.InvalidPolicyClassTest$NeedsNames",
                            "used by io.quarkiverse.airlock.test.InvalidPolicyClassTest$Service#run()",
                            "no non-private no-arg (or @Inject) constructor", "Add one"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }

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
