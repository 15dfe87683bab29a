package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.Scope;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With Micrometer in the application, every stage of an intent's life is counted per task name, the handler's run
 * time is timed, and the open scopes are a gauge.
 */
public class MicrometerMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class, TestRegistry.class))
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-micrometer-deployment",
                    Version.getVersion())))
            .overrideConfigKey("quarkus.micrometer.binder-enabled-default", "false");

    @Inject
    SimpleMeterRegistry registry;

    @Test
    void flushCountsEnqueuedDispatchedAndTimesTheHandler() {
        double enqueued = count("airlock.intents.enqueued", "ship");
        double dispatched = count("airlock.intents.dispatched", "ship");
        long timed = timed("ship");

        Airlock.scope(scope -> {
            Airlock.enqueue("ship", 1L);
            Airlock.enqueue("ship", 2L);
        });

        assertThat(count("airlock.intents.enqueued", "ship")).isEqualTo(enqueued + 2);
        assertThat(count("airlock.intents.dispatched", "ship")).isEqualTo(dispatched + 2);
        assertThat(timed("ship")).isEqualTo(timed + 2);
    }

    @Test
    void discardCountsEachIntentOfTheScope() {
        double discarded = count("airlock.intents.discarded", "ship");
        Scope scope = new Scope().enter();
        Airlock.enqueue("ship", 3L);
        Airlock.enqueue("ship", 4L);
        scope.exit();
        scope.discard();

        assertThat(count("airlock.intents.discarded", "ship")).isEqualTo(discarded + 2);
    }

    @Test
    void dropIsTaggedWithThePolicyThatDroppedIt() {
        Airlock.scope(new BlockTasks("ship"), scope -> Airlock.enqueue("ship", 5L));

        Counter dropped = registry.find("airlock.intents.dropped").tags("task", "ship", "policy", "BlockTasks").counter();
        assertThat(dropped).as("a counter tagged policy=BlockTasks").isNotNull();
        assertThat(dropped.count()).isEqualTo(1);
    }

    @Test
    void failingHandlerCountsAsFailed() {
        double failed = count("airlock.intents.failed", "explode");
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("explode")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count("airlock.intents.failed", "explode")).isEqualTo(failed + 1);
        assertThat(count("airlock.intents.failed", "ship")).as("other tasks unaffected").isEqualTo(0);
    }

    @Test
    void gaugeShowsOpenScopes() {
        double outside = registry.get("airlock.scopes.open").gauge().value();
        Airlock.scope(scope -> assertThat(registry.get("airlock.scopes.open").gauge().value()).isEqualTo(outside + 1));
        assertThat(registry.get("airlock.scopes.open").gauge().value()).isEqualTo(outside);
    }

    private double count(String name, String task) {
        Counter counter = registry.find(name).tag("task", task).counter();
        return counter == null ? 0 : counter.count();
    }

    private long timed(String task) {
        var timer = registry.find("airlock.intents.handled").tag("task", task).timer();
        return timer == null ? 0 : timer.count();
    }

    @Singleton
    public static class Handlers {

        @AirlockTask
        void ship(long order) {
        }

        @AirlockTask
        void explode() {
            throw new IllegalStateException("boom");
        }
    }

    @Singleton
    public static class TestRegistry {

        @Produces
        @Singleton
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }
}
