package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockDefaults;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Scope;

class DefaultsTest {

    @AfterEach
    void reset() {
        Airlock.resetConfiguration();
    }

    @Test
    void outOfTheBoxEverythingEscapesThroughTheInProcessExecutor() {
        Scope scope = new Scope();
        assertThat(scope.policy()).isInstanceOf(AllowAll.class);
        assertThat(scope.executor()).isSameAs(AirlockDefaults.builtIn().executor());
        StringBuilder ran = new StringBuilder();
        Airlock.scope(s -> Airlock.enqueue("action", () -> ran.append("ran")));
        assertThat(ran).hasToString("ran");
    }

    @Test
    void configuredDefaultsReachConstructorsAndScopeRunners() {
        Recorder executor = new Recorder();
        DropAll policy = new DropAll();
        AirlockDefaults defaults = AirlockDefaults.builder().policy(policy).executor(executor).build();
        Airlock.configure(defaults);

        assertThat(Airlock.configuration()).isSameAs(defaults);
        assertThat(new Scope().policy()).isSameAs(policy);
        assertThat(new Scope().executor()).isSameAs(executor);
        assertThat(new Scope(new AllowAll()).executor()).isSameAs(executor);
        Scope ran = Airlock.scope(s -> Airlock.enqueue("a"));
        assertThat(ran.policy()).isSameAs(policy);
        assertThat(executor.dispatched).isEmpty();
    }

    @Test
    void explicitArgumentsWin() {
        Recorder configured = new Recorder();
        Airlock.configure(AirlockDefaults.builder().policy(new DropAll()).executor(configured).build());
        Recorder explicit = new Recorder();

        Airlock.scope(new Scope(new AllowAll(), explicit), s -> Airlock.enqueue("a"));
        Airlock.scope(new AllowAll(), s -> Airlock.enqueue("b"));

        assertThat(explicit.names()).containsExactly("a");
        assertThat(configured.names()).containsExactly("b");
    }

    @Test
    void unsetPartsKeepTheBuiltIns() {
        Recorder executor = new Recorder();
        Airlock.configure(AirlockDefaults.builder().executor(executor).build());
        assertThat(new Scope().policy()).isInstanceOf(AllowAll.class);
        Airlock.configure(AirlockDefaults.builder().policy(new DropAll()).build());
        assertThat(new Scope().executor()).isSameAs(AirlockDefaults.builtIn().executor());
    }

    @Test
    void resetRestoresTheBuiltIns() {
        Airlock.configure(AirlockDefaults.builder().policy(new DropAll()).build());
        Airlock.resetConfiguration();
        assertThat(new Scope().policy()).isInstanceOf(AllowAll.class);
        assertThat(Airlock.configuration()).isSameAs(AirlockDefaults.builtIn());
    }
}
