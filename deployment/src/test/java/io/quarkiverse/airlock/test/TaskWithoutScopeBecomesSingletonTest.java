package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A class with an @AirlockTask method and no bean-defining annotation becomes a @Singleton bean: its handler runs when
 * a scope flushes, always on the same instance.
 */
public class TaskWithoutScopeBecomesSingletonTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class));

    @BeforeEach
    void clear() {
        Handlers.calls.clear();
        Handlers.instances.clear();
    }

    @Test
    void handlerRunsWhenTheScopeFlushes() {
        Airlock.scope(s -> {
            Airlock.enqueue("ping", "first");
            assertThat(Handlers.calls).as("nothing runs before the scope ends").isEmpty();
        });
        assertThat(Handlers.calls).containsExactly("ping(first)");
    }

    @Test
    void everyCallRunsOnTheOneSingletonInstance() {
        Airlock.scope(s -> Airlock.enqueue("ping", "a"));
        Airlock.scope(s -> Airlock.enqueue("ping", "b"));
        assertThat(Handlers.calls).containsExactly("ping(a)", "ping(b)");
        assertThat(Handlers.instances).hasSize(2);
        assertThat(Handlers.instances.get(1)).isSameAs(Handlers.instances.get(0));

        InstanceHandle<Handlers> handle = Arc.container().instance(Handlers.class);
        assertThat(handle.isAvailable()).as("the class is a bean").isTrue();
        assertThat(handle.getBean().getScope()).isEqualTo(Singleton.class);
        // a @Singleton has no client proxy: the container hands out the very instance the handler ran on
        assertThat(handle.get()).isSameAs(Handlers.instances.get(0));
    }

    // deliberately no bean-defining annotation
    public static class Handlers {

        static final List<String> calls = new CopyOnWriteArrayList<>();
        static final List<Object> instances = new CopyOnWriteArrayList<>();

        @AirlockTask
        void ping(String what) {
            instances.add(this);
            calls.add("ping(" + what + ")");
        }
    }
}
