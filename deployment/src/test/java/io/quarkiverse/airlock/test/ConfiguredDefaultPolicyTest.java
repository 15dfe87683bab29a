package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.policy reaches Airlock.scope(...), new Scope() and @AirlockScope alike; explicit policies still win.
 */
public class ConfiguredDefaultPolicyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class, Service.class))
            .overrideConfigKey("quarkus.airlock.policy", "drop-all");

    @Inject
    Handlers handlers;

    @Inject
    Service service;

    @BeforeEach
    void clear() {
        handlers.calls.clear();
    }

    @Test
    void everyWayOfOpeningAScopeUsesIt() {
        assertThat(new Scope().policy()).isInstanceOf(DropAll.class);
        Scope ran = Airlock.scope(s -> Airlock.enqueue("record", "runner"));
        assertThat(ran.policy()).isInstanceOf(DropAll.class);
        assertThat(service.annotated()).isInstanceOf(DropAll.class);
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void explicitPolicyWins() {
        Airlock.scope(new AllowAll(), s -> Airlock.enqueue("record", "explicit"));
        assertThat(handlers.calls).containsExactly("explicit");
    }

    @Singleton
    public static class Handlers {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @AirlockTask
        void record(String what) {
            calls.add(what);
        }
    }

    @Singleton
    public static class Service {
        @AirlockScope
        public Object annotated() {
            Airlock.enqueue("record", "annotated");
            return Airlock.currentScope().orElseThrow().policy();
        }
    }
}
