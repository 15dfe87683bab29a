package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.policy=drop-all is the policy of every scope that does not choose one, however it is opened: nothing
 * escapes, and the intents stay inspectable. A scope that names a policy still gets it.
 */
public class ConfiguredDefaultsTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Service.class)
            .overrideConfigKey("quarkus.airlock.policy", "drop-all");

    @Inject
    Service service;

    @Test
    void airlockScopeUsesTheConfiguredPolicy() {
        Scope scope = Airlock.scope(s -> Airlock.enqueue("record", "runner"));
        assertThat(scope.policy()).isInstanceOf(DropAll.class);
        assertThat(scope.isFlushed()).isTrue();
        assertThat(scope.intents()).extracting(Intent::toString).containsExactly("record(\"runner\")");
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void newScopeUsesTheConfiguredPolicy() {
        Scope scope = new Scope();
        assertThat(scope.policy()).isInstanceOf(DropAll.class);
        scope.enter();
        Airlock.enqueue("record", "constructor");
        scope.exit();
        assertThat(scope.flush()).as("nothing escapes").isEmpty();
        assertThat(scope.intents()).hasSize(1);
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void annotatedMethodUsesTheConfiguredPolicy() {
        assertThat(service.annotated("annotated")).isInstanceOf(DropAll.class);
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void explicitPoliciesStillDispatch() {
        Scope scope = new Scope(new AllowAll());
        assertThat(scope.policy()).isInstanceOf(AllowAll.class);
        scope.enter();
        Airlock.enqueue("record", "constructor");
        scope.exit();
        assertThat(scope.flush()).hasSize(1);

        Airlock.scope(new AllowAll(), s -> Airlock.enqueue("record", "runner"));
        assertThat(service.explicit("annotation member")).isInstanceOf(AllowAll.class);

        assertThat(handlers.calls).containsExactly("constructor", "runner", "annotation member");
    }

    @Singleton
    public static class Service {

        @AirlockScope
        public Policy annotated(String what) {
            Airlock.enqueue("record", what);
            return Airlock.currentScope().orElseThrow().policy();
        }

        @AirlockScope(policy = AllowAll.class)
        public Policy explicit(String what) {
            Airlock.enqueue("record", what);
            return Airlock.currentScope().orElseThrow().policy();
        }
    }
}
