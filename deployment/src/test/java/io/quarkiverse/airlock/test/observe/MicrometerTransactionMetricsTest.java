package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.UserTransaction;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Inside a JTA transaction a flushing scope's intents count as deferred; the commit dispatches them, a rollback counts
 * them as rolled back and never dispatched.
 */
public class MicrometerTransactionMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class,
                    MicrometerMetricsTest.TestRegistry.class))
            .setForcedDependencies(List.of(
                    Dependency.of("io.quarkus", "quarkus-micrometer-deployment", Version.getVersion()),
                    Dependency.of("io.quarkus", "quarkus-narayana-jta-deployment", Version.getVersion())))
            .overrideConfigKey("quarkus.micrometer.binder-enabled-default", "false");

    @Inject
    SimpleMeterRegistry registry;

    @Inject
    UserTransaction transaction;

    @Test
    void commitDispatchesDeferredIntents() throws Exception {
        transaction.begin();
        Airlock.scope(scope -> Airlock.enqueue("book", 1L));
        assertThat(count("airlock.intents.deferred")).isEqualTo(1);
        assertThat(count("airlock.intents.dispatched")).as("not before the commit").isZero();
        transaction.commit();
        assertThat(count("airlock.intents.dispatched")).isEqualTo(1);
        assertThat(count("airlock.intents.rolled.back")).isZero();
    }

    @Test
    void rollbackCountsRolledBack() throws Exception {
        transaction.begin();
        Airlock.scope(scope -> Airlock.enqueue("cancel", 2L));
        assertThat(count("airlock.intents.deferred", "cancel")).isEqualTo(1);
        transaction.rollback();
        assertThat(count("airlock.intents.rolled.back", "cancel")).isEqualTo(1);
        assertThat(count("airlock.intents.dispatched", "cancel")).isZero();
    }

    private double count(String name) {
        return count(name, "book");
    }

    private double count(String name, String task) {
        Counter counter = registry.find(name).tag("task", task).counter();
        return counter == null ? 0 : counter.count();
    }

    @Singleton
    public static class Handlers {

        @AirlockTask
        void book(long order) {
        }

        @AirlockTask
        void cancel(long order) {
        }
    }
}
