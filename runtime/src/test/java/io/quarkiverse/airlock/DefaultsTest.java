package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API.md section 6 and fine print: configured defaults, explicit arguments win, reset. */
class DefaultsTest extends AirlockTestSupport {

    private final RecordingExecutor configuredExecutor = new RecordingExecutor();
    private final Policy configuredPolicy = new BlockTasks("blockedByDefault");

    @AfterEach
    void reset() {
        Airlock.resetConfiguration();
    }

    private void configureBoth() {
        Airlock.configure(AirlockDefaults.builder().policy(configuredPolicy).executor(configuredExecutor).build());
    }

    /** Whether the scope's executor is the built-in one: it runs an action at flush. */
    private static boolean runsActions(Scope scope) {
        List<String> ran = new ArrayList<>();
        scope.enter();
        Airlock.enqueue("action", () -> ran.add("ran"));
        scope.exit();
        scope.flush();
        return ran.equals(List.of("ran"));
    }

    @Test
    void outOfTheBoxTheDefaultPolicyIsAllowAllAndTheExecutorRunsActions() {
        Scope scope = new Scope();

        assertThat(scope.policy()).isInstanceOf(AllowAll.class);
        assertThat(scope.executor()).isSameAs(AirlockDefaults.builtIn().executor());
        assertThat(runsActions(scope)).isTrue();
    }

    @Test
    void configurationReturnsWhatWasConfigured() {
        AirlockDefaults defaults = AirlockDefaults.builder().policy(configuredPolicy).executor(configuredExecutor)
                .build();

        Airlock.configure(defaults);

        assertSame(defaults, Airlock.configuration());
    }

    @Test
    void configurationIsNeverNullOutOfTheBox() {
        assertThat(Airlock.configuration()).isNotNull();
    }

    @Test
    void newScopeUsesTheConfiguredPolicyAndExecutor() {
        configureBoth();

        Scope scope = new Scope();

        assertSame(configuredPolicy, scope.policy());
        assertSame(configuredExecutor, scope.executor());
        scope.enter();
        Airlock.enqueue("blockedByDefault", 1);
        Airlock.enqueue("free", 2);
        scope.exit();
        scope.flush();
        assertThat(configuredExecutor.names()).containsExactly("free");
    }

    @Test
    void airlockScopeWithoutArgumentsUsesTheConfiguredPolicyAndExecutor() {
        configureBoth();

        Scope scope = Airlock.scope(s -> {
            Airlock.enqueue("blockedByDefault", 1);
            Airlock.enqueue("free", 2);
        });

        assertSame(configuredPolicy, scope.policy());
        assertSame(configuredExecutor, scope.executor());
        assertThat(configuredExecutor.names()).containsExactly("free");
    }

    @Test
    void anExplicitPolicyWinsAndTheConfiguredExecutorIsUsed() {
        configureBoth();
        Policy explicit = new AllowAll();

        Scope scope = new Scope(explicit);

        assertSame(explicit, scope.policy());
        assertSame(configuredExecutor, scope.executor());
    }

    @Test
    void explicitPolicyAndExecutorWin() {
        configureBoth();
        Policy explicitPolicy = new AllowAll();
        RecordingExecutor explicitExecutor = new RecordingExecutor();

        Scope scope = new Scope(explicitPolicy, explicitExecutor);
        scope.enter();
        Airlock.enqueue("blockedByDefault", 1);
        scope.exit();
        scope.flush();

        assertSame(explicitPolicy, scope.policy());
        assertSame(explicitExecutor, scope.executor());
        assertThat(explicitExecutor.names()).containsExactly("blockedByDefault");
        assertThat(configuredExecutor.dispatched()).isEmpty();
    }

    @Test
    void airlockScopeWithAnExplicitPolicyUsesItWithTheConfiguredExecutor() {
        configureBoth();

        Scope scope = Airlock.scope(new AllowAll(), s -> Airlock.enqueue("blockedByDefault", 1));

        assertThat(scope.policy()).isInstanceOf(AllowAll.class);
        assertSame(configuredExecutor, scope.executor());
        assertThat(configuredExecutor.names()).containsExactly("blockedByDefault");
    }

    @Test
    void scopedUsesTheConfiguredExecutorWithTheExplicitPolicy() {
        configureBoth();

        int value = Airlock.scoped(new AllowAll(), () -> {
            Airlock.enqueue("blockedByDefault", 1);
            return 7;
        });

        assertThat(value).isEqualTo(7);
        assertThat(configuredExecutor.names()).containsExactly("blockedByDefault");
    }

    @Test
    void resetConfigurationRestoresTheBuiltIns() {
        configureBoth();

        Airlock.resetConfiguration();

        Scope scope = new Scope();
        assertThat(scope.policy()).isInstanceOf(AllowAll.class);
        assertThat(scope.executor()).isNotSameAs(configuredExecutor);
        assertThat(Airlock.configuration()).isSameAs(AirlockDefaults.builtIn());
        assertThat(runsActions(scope)).isTrue();
        assertThat(configuredExecutor.dispatched()).isEmpty();
    }

    @Test
    void builderWithOnlyAPolicyKeepsTheBuiltInExecutor() {
        Policy policy = new LogOnFlush();
        Airlock.configure(AirlockDefaults.builder().policy(policy).build());

        Scope scope = new Scope();

        assertSame(policy, scope.policy());
        assertThat(scope.executor()).isSameAs(AirlockDefaults.builtIn().executor());
        assertThat(runsActions(scope)).isTrue();
    }

    @Test
    void builderWithOnlyAnExecutorKeepsAllowAll() {
        Airlock.configure(AirlockDefaults.builder().executor(configuredExecutor).build());

        Scope scope = new Scope();
        scope.enter();
        Airlock.enqueue("anything", 1);
        scope.exit();
        scope.flush();

        assertThat(scope.policy()).isInstanceOf(AllowAll.class);
        assertSame(configuredExecutor, scope.executor());
        assertThat(configuredExecutor.names()).containsExactly("anything");
    }

    @Test
    void builderWithNothingSetKeepsAllBuiltIns() {
        Airlock.configure(AirlockDefaults.builder().build());

        Scope scope = new Scope();

        assertThat(scope.policy()).isInstanceOf(AllowAll.class);
        assertThat(runsActions(scope)).isTrue();
    }

    @Test
    void aLaterConfigureReplacesTheEarlierOne() {
        configureBoth();
        RecordingExecutor second = new RecordingExecutor();

        Airlock.configure(AirlockDefaults.builder().executor(second).build());

        Scope scope = new Scope();
        assertSame(second, scope.executor());
        assertThat(scope.policy()).isInstanceOf(AllowAll.class);
    }
}
