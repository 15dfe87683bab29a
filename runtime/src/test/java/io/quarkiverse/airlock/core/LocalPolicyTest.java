package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

class LocalPolicyTest {

    @Test
    void appliedAtFlushInnermostFirstThenTheScopePolicyOncePerIntent() {
        List<String> log = new ArrayList<>();
        Recorder executor = new Recorder();
        Scope scope = new Scope(Recorder.policy("scope", log, true), executor).enter();
        Airlock.policy(Recorder.policy("outer", log, true),
                () -> Airlock.policy(Recorder.policy("inner", log, true), () -> {
                    Airlock.enqueue("a");
                    Airlock.enqueue("b");
                }));
        scope.exit();
        log.clear();

        scope.flush();

        assertThat(log).containsExactly("inner:allows:a", "outer:allows:a", "scope:allows:a",
                "inner:allows:b", "outer:allows:b", "scope:allows:b");
        assertThat(executor.names()).containsExactly("a", "b");
    }

    @Test
    void aRejectingLocalPolicyDropsOnlyTheIntentsInsideIt() {
        Recorder executor = new Recorder();
        Airlock.scope(new Scope(new AllowAll(), executor), scope -> {
            Airlock.enqueue("before");
            Airlock.policy(new BlockTasks("email"), () -> {
                Airlock.enqueue("email");
                Airlock.enqueue("warehouse");
            });
            Airlock.enqueue("email");
        });
        assertThat(executor.names()).containsExactly("before", "warehouse", "email");
    }

    @Test
    void appliesToANestedScopeAndTravelsIntoTheCapturingAncestor() {
        boolean[] open = { true };
        Policy gate = intent -> open[0];
        Recorder executor = new Recorder();
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Airlock.policy(gate, () -> {
            Scope inner = Airlock.scope(new Scope(new AllowAll(), executor), i -> Airlock.enqueue("nested"));
            assertThat(inner.intents().get(0).localPolicies()).containsExactly(gate);
        });
        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("nested");
        open[0] = false;
        outer.exit();

        outer.flush();

        assertThat(executor.dispatched).isEmpty();
    }

    @Test
    void nothingRemainsAfterTheBlockEvenWhenItThrows() {
        IOException failure = new IOException("disk full");
        assertThatThrownBy(() -> Airlock.policy(new DropAll(), () -> {
            throw failure;
        })).isSameAs(failure);
        Intent[] intent = new Intent[1];
        Airlock.scope(new Scope(new AllowAll(), new Recorder()), s -> intent[0] = Airlock.enqueue("after"));
        assertThat(intent[0].localPolicies()).isEmpty();
    }
}
