package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** API.md section 4, local policy context: Airlock.policy(policy, body). */
class LocalPolicyTest extends AirlockTestSupport {

    private final RecordingExecutor executor = new RecordingExecutor();

    @Test
    void localPoliciesAreCapturedOnIntentsOutermostFirst() {
        Policy outer = new AllowAll();
        Policy inner = new LogOnFlush();
        Scope scope = enterScope(executor);
        Intent[] intents = new Intent[3];

        Airlock.policy(outer, () -> {
            intents[0] = Airlock.enqueue("inOuter", 1);
            Airlock.policy(inner, () -> intents[1] = Airlock.enqueue("inInner", 2));
            intents[2] = Airlock.enqueue("backInOuter", 3);
        });
        Intent outside = Airlock.enqueue("outside", 4);
        scope.exit();

        assertThat(intents[0].localPolicies()).containsExactly(outer);
        assertThat(intents[1].localPolicies()).containsExactly(outer, inner);
        assertThat(intents[2].localPolicies()).containsExactly(outer);
        assertThat(outside.localPolicies()).isEmpty();
    }

    @Test
    void localPoliciesOfAnIntentAreUnmodifiableOrAtLeastDetached() {
        Policy local = new AllowAll();
        Scope scope = enterScope(executor);
        Intent[] intent = new Intent[1];
        Airlock.policy(local, () -> intent[0] = Airlock.enqueue("task", 1));
        scope.exit();

        try {
            intent[0].localPolicies().clear();
        } catch (UnsupportedOperationException expected) {
            // unmodifiable: fine
        }

        // whatever a caller does with the returned list, the intent keeps its captured policy
        assertThat(intent[0].localPolicies()).containsExactly(local);
    }

    @Test
    void localPolicyDropsIntentsEnqueuedInsideTheBlockOnly() {
        Scope scope = enterScope(executor);
        Airlock.enqueue("before", 1);
        Airlock.policy(new DropAll(), () -> Airlock.enqueue("inside", 2));
        Airlock.enqueue("after", 3);
        scope.exit();

        List<Intent> dispatched = scope.flush();

        assertThat(names(dispatched)).containsExactly("before", "after");
        assertThat(executor.names()).containsExactly("before", "after");
        assertThat(names(scope.intents())).containsExactly("before", "inside", "after");
    }

    @Test
    void localPoliciesApplyAtFlushInnermostFirstAndBeforeTheScopePolicy() {
        List<String> log = new ArrayList<>();
        RecordingPolicy outer = new RecordingPolicy("outer", log);
        RecordingPolicy inner = new RecordingPolicy("inner", log);
        RecordingPolicy scopePolicy = new RecordingPolicy("scope", log);
        Scope scope = new Scope(scopePolicy, executor).enter();
        Airlock.policy(outer, () -> Airlock.policy(inner, () -> {
            Airlock.enqueue("a", 1);
            Airlock.enqueue("b", 2);
        }));
        scope.exit();
        log.clear();

        scope.flush();

        assertThat(log).containsExactly("inner.allows:a", "outer.allows:a", "scope.allows:a",
                "inner.allows:b", "outer.allows:b", "scope.allows:b");
        assertThat(executor.names()).containsExactly("a", "b");
    }

    @Test
    void localPoliciesAreNotAskedToAllowAtEnqueue() {
        List<String> log = new ArrayList<>();
        RecordingPolicy local = new RecordingPolicy("local", log);
        Scope scope = enterScope(executor);

        Airlock.policy(local, () -> Airlock.enqueue("task", 1));

        assertThat(log).containsExactly("local.onEnqueue:task");
        scope.exit();
        scope.flush();
        assertThat(log).containsExactly("local.onEnqueue:task", "local.allows:task");
    }

    @Test
    void anyDroppingLocalPolicyDropsTheIntentWhateverTheScopePolicySays() {
        List<String> log = new ArrayList<>();
        RecordingPolicy allowing = new RecordingPolicy("allowing", log);
        Scope scope = enterScope(executor);

        Airlock.policy(new BlockTasks("blocked"), () -> Airlock.policy(allowing, () -> {
            Airlock.enqueue("blocked", 1);
            Airlock.enqueue("free", 2);
        }));
        scope.exit();

        assertFlushDispatches(scope, executor, "free");
    }

    @Test
    void passesLocalPoliciesReportsWhetherAllCapturedPoliciesAllow() {
        Scope scope = new Scope(new DropAll(), executor).enter();
        Intent[] intents = new Intent[4];

        intents[0] = Airlock.enqueue("none", 1);
        Airlock.policy(new AllowAll(), () -> {
            intents[1] = Airlock.enqueue("allowed", 2);
            Airlock.policy(new BlockTasks("blocked"), () -> {
                intents[2] = Airlock.enqueue("blocked", 3);
                intents[3] = Airlock.enqueue("notBlocked", 4);
            });
        });
        scope.exit();

        assertThat(intents[0].passesLocalPolicies()).isTrue();
        assertThat(intents[1].passesLocalPolicies()).isTrue();
        assertThat(intents[2].passesLocalPolicies()).isFalse();
        assertThat(intents[3].passesLocalPolicies()).isTrue();
        // inspection only: the scope policy (DropAll) still has the final word, nothing is dispatched
        assertThat(executor.dispatched()).isEmpty();
        assertThat(scope.flush()).isEmpty();
    }

    @Test
    void passesLocalPoliciesIsFalseWhenAnOuterPolicyDrops() {
        Scope scope = enterScope(executor);
        Intent[] intent = new Intent[1];
        Airlock.policy(new DropAll(), () -> Airlock.policy(new AllowAll(), () -> intent[0] = Airlock.enqueue("t", 1)));
        scope.exit();

        assertThat(intent[0].passesLocalPolicies()).isFalse();
    }

    @Test
    void aLocalPolicyBlockAppliesToAScopeOpenedInsideIt() {
        Scope[] scopes = new Scope[2];

        Airlock.policy(new BlockTasks("blocked"), () -> {
            scopes[0] = Airlock.scope(new Scope(new AllowAll(), executor), s -> {
                Airlock.enqueue("blocked", 1);
                Airlock.enqueue("free", 2);
            });
            scopes[1] = Airlock.scope(new Scope(new AllowAll(), executor), s -> Airlock.enqueue("blocked", 3));
        });

        assertThat(executor.names()).containsExactly("free");
        assertThat(scopes[0].intents().get(0).localPolicies()).hasSize(1);
        assertThat(scopes[1].intents()).singleElement().satisfies(i -> assertThat(i.localPolicies()).hasSize(1));
    }

    @Test
    void aLocalPolicyBlockAppliesToWhicheverScopeReceivesTheIntent() {
        Policy local = new BlockTasks("blocked");
        Scope outer = enterScope(executor);

        Airlock.policy(local, () -> {
            Airlock.enqueue("blocked", "inOuter");
            Scope inner = enterScope(executor);
            Airlock.enqueue("blocked", "inInner");
            Airlock.enqueue("free", "inInner");
            inner.exit();
            inner.flush();
        });
        outer.exit();
        outer.flush();

        assertThat(executor.dispatched()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("free");
            assertThat(i.localPolicies()).containsExactly(local);
        });
        assertThat(names(outer.intents())).contains("blocked", "free");
        assertThat(outer.intents()).allSatisfy(i -> assertThat(i.localPolicies()).containsExactly(local));
    }

    @Test
    void capturedLocalPoliciesTravelWithIntentsIntoACapturingAncestor() {
        Policy local = new BlockTasks("blocked");
        RecordingExecutor innerExecutor = new RecordingExecutor();
        Scope outer = enterScope(executor);
        Scope inner = enterScope(innerExecutor);
        Airlock.policy(local, () -> {
            Airlock.enqueue("blocked", 1);
            Airlock.enqueue("free", 2);
        });
        Airlock.enqueue("unguarded", 3);
        inner.exit();

        inner.flush();
        outer.exit();

        assertFlushDispatches(outer, executor, "free", "unguarded");
        assertThat(innerExecutor.dispatched()).isEmpty();
        assertThat(names(outer.capturedIntents())).contains("free", "unguarded");
        for (Intent intent : outer.intents()) {
            if (!intent.name().equals("unguarded")) {
                assertThat(intent.localPolicies()).containsExactly(local);
            }
        }
    }

    @Test
    void localPolicyTravelsWithIntentsCapturedByAnAncestorEvenWhenTheInnerScopeAllowsAll() {
        List<String> log = new ArrayList<>();
        RecordingPolicy local = new RecordingPolicy("local", log, i -> !i.name().equals("blocked"));
        Scope outer = enterScope(executor);
        Scope inner = enterScope(executor);
        Intent[] intent = new Intent[1];
        Airlock.policy(local, () -> intent[0] = Airlock.enqueue("free", 1));
        inner.exit();
        inner.flush();
        outer.exit();

        outer.flush();

        assertThat(outer.capturedIntents()).containsExactly(intent[0]);
        assertSame(local, outer.capturedIntents().get(0).localPolicies().get(0));
        assertThat(executor.dispatched()).containsExactly(intent[0]);
    }

    /** An intent enqueued now in the (current) scope carries no local policy, and escapes when the scope flushes. */
    private static void assertNoLocalPolicyApplies(Scope scope) {
        Intent after = Airlock.enqueue("after", 2);
        scope.exit();

        assertThat(after.localPolicies()).isEmpty();
        assertThat(names(scope.flush())).containsExactly("after");
    }

    @Test
    void noLocalPoliciesRemainAfterTheBlockEnds() {
        Scope scope = enterScope(executor);
        Airlock.policy(new DropAll(), () -> Airlock.policy(new DropAll(), () -> Airlock.enqueue("inside", 1)));

        assertNoLocalPolicyApplies(scope);
    }

    @Test
    void noLocalPoliciesRemainAfterTheBlockThrows() {
        Scope scope = enterScope(executor);
        catchThrowable(() -> Airlock.policy(new DropAll(), () -> {
            Airlock.enqueue("inside", 1);
            throw new IllegalStateException("boom");
        }));

        assertNoLocalPolicyApplies(scope);
    }

    @Test
    void outerLocalPolicyRemainsAfterAnInnerBlockEnds() {
        Policy outerPolicy = new AllowAll();
        Scope scope = enterScope(executor);
        Intent[] intent = new Intent[1];

        Airlock.policy(outerPolicy, () -> {
            Airlock.policy(new DropAll(), () -> Airlock.enqueue("inner", 1));
            intent[0] = Airlock.enqueue("outer", 2);
        });
        scope.exit();

        assertThat(intent[0].localPolicies()).containsExactly(outerPolicy);
    }

    static Stream<Throwable> bodyFailures() {
        return Stream.of(new IllegalStateException("boom"), new IOException("disk full"), new AssertionError("bad"));
    }

    @ParameterizedTest
    @MethodSource("bodyFailures")
    void aFailureFromTheBodyPropagatesUnchanged(Throwable failure) {
        Throwable thrown = catchThrowable(() -> Airlock.policy(new AllowAll(), () -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }));

        assertThat(thrown).isSameAs(failure);
    }

    @Test
    void aCheckedExceptionFromTheBodyCanBeCaughtAsItsOwnType() {
        IOException io = new IOException("disk full");

        IOException thrown = null;
        try {
            Airlock.<IOException> policy(new AllowAll(), () -> {
                throw io;
            });
        } catch (IOException e) {
            thrown = e;
        }

        assertThat(thrown).isSameAs(io);
    }

    @Test
    void aCapturedLocalPolicyIsAskedWhenTheCapturingAncestorFlushes() {
        boolean[] open = { true };
        Policy gate = intent -> open[0];
        Scope outer = enterScope(executor);
        Airlock.policy(gate, () -> {
            Scope inner = Airlock.scope(new Scope(new AllowAll(), executor), i -> Airlock.enqueue("nested"));
            assertThat(inner.intents().get(0).localPolicies()).containsExactly(gate);
        });
        assertThat(names(outer.capturedIntents())).containsExactly("nested");
        open[0] = false;
        outer.exit();

        outer.flush();

        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void bodyRunsExactlyOnceAndPolicyBlockNeedsNoScope() {
        int[] runs = new int[1];

        Airlock.policy(new DropAll(), () -> runs[0]++);

        assertThat(runs[0]).isEqualTo(1);
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void policyBlockAloneOpensNoScope() {
        Throwable thrown = catchThrowable(() -> Airlock.policy(new AllowAll(), () -> Airlock.enqueue("task", 1)));

        assertThat(thrown).isInstanceOf(NoScopeException.class);
    }
}
