package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.NoScopeException;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.PolicyEnqueueException;
import io.quarkiverse.airlock.PolicyViolationException;
import io.quarkiverse.airlock.Scope;

class EnqueueTest {

    @Test
    void outsideAnyScopeFailsNamingTheTaskAndTheWayOut() {
        assertThatThrownBy(() -> Airlock.enqueue("notifyWarehouse", 42L))
                .isInstanceOf(NoScopeException.class)
                .hasMessageContaining("'notifyWarehouse'")
                .hasMessageContaining("Airlock.scope");
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void returnsTheBufferedIntent() {
        Intent[] returned = new Intent[1];
        Scope scope = Airlock.scope(new Scope(new AllowAll(), new Recorder()),
                s -> returned[0] = Airlock.enqueue("a", 1));
        assertThat(scope.intents()).hasSize(1);
        assertThat(scope.intents().get(0)).isSameAs(returned[0]);
    }

    @Test
    void fromOnEnqueueIsRejected() {
        Policy enqueuing = new Policy() {
            @Override
            public void onEnqueue(Intent intent) {
                if (intent.name().equals("outer")) {
                    Airlock.enqueue("inner");
                }
            }

            @Override
            public boolean allows(Intent intent) {
                return true;
            }
        };
        Scope scope = new Scope(enqueuing, new Recorder()).enter();
        try {
            assertThatThrownBy(() -> Airlock.enqueue("outer")).isInstanceOf(PolicyEnqueueException.class)
                    .hasMessageContaining("'inner'");
            assertThat(scope.intents()).isEmpty();
        } finally {
            scope.exit();
        }
    }

    @Test
    void fromAllowsIsRejectedAtFlush() {
        Policy enqueuing = intent -> {
            Airlock.enqueue("sneaky");
            return true;
        };
        Recorder executor = new Recorder();
        Scope scope = new Scope(enqueuing, executor).enter();
        Airlock.enqueue("a");
        scope.exit();
        assertThatThrownBy(scope::flush).isInstanceOf(PolicyEnqueueException.class);
        assertThat(executor.dispatched).isEmpty();
        // the guard is released: enqueue works normally afterwards
        Airlock.scope(new Scope(new AllowAll(), executor), s -> Airlock.enqueue("b"));
        assertThat(executor.names()).containsExactly("b");
    }

    @Test
    void policyViolationLeavesNothingBufferedAndReachesTheCaller() {
        PolicyViolationException violation = new PolicyViolationException("no");
        Policy rejecting = new Policy() {
            @Override
            public void onEnqueue(Intent intent) {
                throw violation;
            }

            @Override
            public boolean allows(Intent intent) {
                return true;
            }
        };
        Scope scope = new Scope(rejecting, new Recorder()).enter();
        try {
            assertThatThrownBy(() -> Airlock.enqueue("a")).isSameAs(violation);
            assertThat(scope.intents()).isEmpty();
        } finally {
            scope.exit();
        }
    }

    @Test
    void localPolicyViolationLeavesNothingBuffered() {
        Recorder executor = new Recorder();
        Scope scope = Airlock.scope(new Scope(new AllowAll(), executor), s -> {
            Policy rejecting = new Policy() {
                @Override
                public void onEnqueue(Intent intent) {
                    throw new PolicyViolationException("blocked " + intent.name());
                }

                @Override
                public boolean allows(Intent intent) {
                    return true;
                }
            };
            assertThatThrownBy(() -> Airlock.policy(rejecting, () -> Airlock.enqueue("x")))
                    .isInstanceOf(PolicyViolationException.class).hasMessage("blocked x");
        });
        assertThat(scope.intents()).isEmpty();
        assertThat(executor.dispatched).isEmpty();
    }

    @Test
    void scopeAndLocalPoliciesSeeTheIntentAtEnqueueInnermostFirst() {
        List<String> log = new ArrayList<>();
        Scope scope = new Scope(Recorder.policy("scope", log, true), new Recorder()).enter();
        try {
            Airlock.policy(Recorder.policy("outer", log, true),
                    () -> Airlock.policy(Recorder.policy("inner", log, true), () -> Airlock.enqueue("t")));
        } finally {
            scope.exit();
        }
        assertThat(log).containsExactly("inner:onEnqueue:t", "outer:onEnqueue:t", "scope:onEnqueue:t");
    }
}
