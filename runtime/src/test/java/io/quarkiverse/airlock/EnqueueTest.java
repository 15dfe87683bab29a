package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** API.md section 2: enqueue outside a scope, from inside a policy, rejected by a policy, and the returned intent. */
class EnqueueTest extends AirlockTestSupport {

    /** A policy that breaks the rule: it enqueues "sneaky" from its onEnqueue callback. */
    private static Policy enqueuingOnEnqueue() {
        return onEnqueue(intent -> Airlock.enqueue("sneaky", 1));
    }

    /** A policy whose onEnqueue tries {@code attempt} and keeps what that throws in {@code caught}. */
    private static Policy tryingOnEnqueue(List<Throwable> caught, Consumer<Intent> attempt) {
        return onEnqueue(intent -> {
            try {
                attempt.accept(intent);
            } catch (Throwable t) {
                caught.add(t);
            }
        });
    }

    @Test
    void enqueueWithoutScopeThrowsNoScopeExceptionNamingTheTaskAndHowToOpenAScope() {
        assertThat(Airlock.currentScope()).isEmpty();

        Throwable thrown = catchThrowable(() -> Airlock.enqueue("sendWelcomeMail", 42, "abc"));

        assertThat(thrown).isInstanceOf(NoScopeException.class);
        assertThat(thrown.getMessage())
                .contains("'sendWelcomeMail'")
                .contains("Airlock.scope");
    }

    @Test
    void enqueueOfAnActionWithoutScopeThrowsNoScopeExceptionNamingTheAction() {
        List<String> ran = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> Airlock.enqueue("refreshCache", () -> ran.add("ran")));

        assertThat(thrown).isInstanceOf(NoScopeException.class);
        assertThat(thrown.getMessage()).contains("refreshCache");
        assertThat(ran).isEmpty();
    }

    @Test
    void builderEnqueueWithoutScopeThrowsNoScopeExceptionNamingTheTask() {
        Throwable thrown = catchThrowable(() -> Airlock.intent("chargeCard").args(1).option("queue", "q").enqueue());

        assertThat(thrown).isInstanceOf(NoScopeException.class);
        assertThat(thrown.getMessage()).contains("chargeCard");
    }

    @Test
    void noScopeEnqueueBuffersNothingAnywhere() {
        RecordingExecutor executor = new RecordingExecutor();
        Scope earlier = new Scope(new AllowAll(), executor);
        earlier.enter();
        earlier.exit();

        assertThatThrownBy(() -> Airlock.enqueue("lost", 1)).isInstanceOf(NoScopeException.class);

        assertThat(earlier.intents()).isEmpty();
        Scope later = enterScope(executor);
        later.exit();
        assertThat(later.intents()).isEmpty();
        assertFlushDispatches(earlier, executor);
        assertFlushDispatches(later, executor);
    }

    @Test
    void enqueueBuffersInTheCurrentScopeWithoutDispatching() {
        RecordingExecutor executor = new RecordingExecutor();
        Scope scope = enterScope(executor);

        Airlock.enqueue("a", 1);
        Airlock.enqueue("b", 2);

        assertThat(executor.dispatched()).isEmpty();
        assertThat(names(scope.intents())).containsExactly("a", "b");
        scope.exit();
        assertThat(executor.dispatched()).isEmpty();
        scope.flush();
        assertThat(executor.names()).containsExactly("a", "b");
    }

    @Test
    void returnedIntentIsTheBufferedOne() {
        Scope scope = new Scope(new DropAll(), new RecordingExecutor()).enter();

        Intent intent = Airlock.enqueue("notify", 42);

        assertSame(intent, scope.intents().get(0));
        assertSame(intent, scope.ownIntents().get(0));
        scope.exit();
    }

    @Test
    void returnedIntentOfAnActionAndOfTheBuilderAreTheBufferedOnes() {
        Scope scope = new Scope(new DropAll(), new RecordingExecutor()).enter();

        Intent action = Airlock.enqueue("action", noop());
        Intent built = Airlock.intent("built").args(1).enqueue();

        assertThat(scope.intents()).hasSize(2);
        assertSame(action, scope.intents().get(0));
        assertSame(built, scope.intents().get(1));
        scope.exit();
    }

    @Test
    void scopePolicyAndLocalPoliciesSeeTheReturnedIntentInOnEnqueue() {
        List<String> log = new ArrayList<>();
        RecordingPolicy scopePolicy = new RecordingPolicy("scope", log);
        RecordingPolicy local = new RecordingPolicy("local", log);
        Scope scope = new Scope(scopePolicy, new RecordingExecutor()).enter();
        Intent[] enqueued = new Intent[1];

        Airlock.policy(local, () -> enqueued[0] = Airlock.enqueue("task", 1));

        assertThat(scopePolicy.seenOnEnqueue).hasSize(1);
        assertThat(local.seenOnEnqueue).hasSize(1);
        assertSame(enqueued[0], scopePolicy.seenOnEnqueue.get(0));
        assertSame(enqueued[0], local.seenOnEnqueue.get(0));
        // onEnqueue is not a flush: allows is never asked at enqueue time
        assertThat(log).doesNotContain("scope.allows:task", "local.allows:task");
        scope.exit();
    }

    @Test
    void theLocalPoliciesAndThenTheScopePolicySeeTheIntentAtEnqueueInnermostFirst() {
        List<String> log = new ArrayList<>();
        Scope scope = new Scope(new RecordingPolicy("scope", log), new RecordingExecutor()).enter();

        Airlock.policy(new RecordingPolicy("outer", log),
                () -> Airlock.policy(new RecordingPolicy("inner", log), () -> Airlock.enqueue("t")));

        scope.exit();
        assertThat(log).containsExactly("inner.onEnqueue:t", "outer.onEnqueue:t", "scope.onEnqueue:t");
    }

    @Test
    void policyViolationFromTheScopePolicyReachesTheCallerAndNothingIsBuffered() {
        PolicyViolationException violation = new PolicyViolationException("no payments here");
        Policy rejecting = onEnqueue(intent -> {
            if (intent.name().equals("pay")) {
                throw violation;
            }
        });
        RecordingExecutor executor = new RecordingExecutor();
        Scope scope = new Scope(rejecting, executor).enter();
        Airlock.enqueue("before", 1);

        Throwable thrown = catchThrowable(() -> Airlock.enqueue("pay", 100));

        assertThat(thrown).isSameAs(violation);
        assertThat(names(scope.intents())).containsExactly("before");
        scope.exit();
        assertFlushDispatches(scope, executor, "before");
    }

    @Test
    void policyViolationFromALocalPolicyReachesTheCallerAndNothingIsBuffered() {
        PolicyViolationException violation = new PolicyViolationException("read-only block");
        Policy rejecting = onEnqueue(intent -> {
            throw violation;
        });
        RecordingExecutor executor = new RecordingExecutor();
        Scope scope = enterScope(executor);

        Throwable thrown = catchThrowable(() -> Airlock.policy(rejecting, () -> Airlock.enqueue("write", 1)));

        assertThat(thrown).isSameAs(violation);
        assertThat(scope.intents()).isEmpty();
        Airlock.enqueue("after", 2);
        scope.exit();
        assertFlushDispatches(scope, executor, "after");
    }

    @Test
    void policyViolationFromABuilderEnqueueReachesTheCaller() {
        Scope scope = new Scope(new AssertNoEffects(), new RecordingExecutor()).enter();

        assertThatThrownBy(() -> Airlock.intent("audit").option("queue", "low").enqueue())
                .isInstanceOf(PolicyViolationException.class);

        assertThat(scope.intents()).isEmpty();
        scope.exit();
    }

    @Test
    void enqueueFromInsideOnEnqueueThrowsPolicyEnqueueException() {
        List<Throwable> caught = new ArrayList<>();
        Policy sneaky = tryingOnEnqueue(caught, intent -> Airlock.enqueue("sneaky", 1));
        RecordingExecutor executor = new RecordingExecutor();
        Scope scope = new Scope(sneaky, executor).enter();

        Airlock.enqueue("legit", 1);

        assertThat(caught).singleElement().isInstanceOf(PolicyEnqueueException.class);
        assertThat(names(scope.intents())).containsExactly("legit");
        scope.exit();
        scope.flush();
        assertThat(executor.names()).containsExactly("legit");
    }

    @Test
    void policyEnqueueExceptionFromOnEnqueuePropagatesToTheEnqueueCaller() {
        Policy sneaky = enqueuingOnEnqueue();
        Scope scope = new Scope(sneaky, new RecordingExecutor()).enter();

        assertThatThrownBy(() -> Airlock.enqueue("legit", 1)).isInstanceOf(PolicyEnqueueException.class)
                .hasMessageContaining("'sneaky'");

        assertThat(scope.intents()).as("neither the sneaky nor the legit intent is buffered").isEmpty();
        scope.exit();
    }

    @Test
    void enqueueFromInsideALocalPolicyOnEnqueueThrowsPolicyEnqueueException() {
        List<Throwable> caught = new ArrayList<>();
        Policy sneaky = tryingOnEnqueue(caught, intent -> Airlock.enqueue(intent.name() + "-echo", noop()));
        Scope scope = new Scope(new AllowAll(), new RecordingExecutor()).enter();

        Airlock.policy(sneaky, () -> Airlock.enqueue("legit", 1));

        assertThat(caught).singleElement().isInstanceOf(PolicyEnqueueException.class);
        assertThat(names(scope.intents())).containsExactly("legit");
        scope.exit();
    }

    @Test
    void enqueueFromInsideAllowsThrowsPolicyEnqueueExceptionOutOfFlush() {
        Policy sneaky = intent -> {
            Airlock.enqueue("sneaky", 1);
            return true;
        };
        RecordingExecutor executor = new RecordingExecutor();
        Scope scope = new Scope(sneaky, executor).enter();
        Airlock.enqueue("legit", 1);
        scope.exit();

        assertThatThrownBy(scope::flush).isInstanceOf(PolicyEnqueueException.class);
        assertThat(names(scope.intents())).doesNotContain("sneaky");
        assertThat(executor.dispatched()).isEmpty();
        // the guard is released: enqueue works normally afterwards
        Airlock.scope(new Scope(new AllowAll(), executor), s -> Airlock.enqueue("after"));
        assertThat(executor.names()).containsExactly("after");
    }

    @Test
    void enqueueFromInsideAllowsIsRejectedEvenWhenAnotherScopeIsCurrent() {
        List<Throwable> caught = new ArrayList<>();
        Scope bystander = new Scope(new DropAll(), new RecordingExecutor());
        Policy sneaky = intent -> {
            try {
                Airlock.enqueue("sneaky", 1);
            } catch (Throwable t) {
                caught.add(t);
            }
            return true;
        };
        RecordingExecutor executor = new RecordingExecutor();
        Scope scope = new Scope(sneaky, executor).enter();
        Airlock.enqueue("legit", 1);
        scope.exit();
        bystander.enter();

        scope.flush();

        bystander.exit();
        assertThat(caught).singleElement().isInstanceOf(PolicyEnqueueException.class);
        assertThat(bystander.intents()).isEmpty();
        assertThat(executor.names()).containsExactly("legit");
    }

    @Test
    void enqueueWorksAgainAfterAPolicyCallbackFailed() {
        Policy sneaky = enqueuingOnEnqueue();
        Scope first = new Scope(sneaky, new RecordingExecutor()).enter();
        assertThatThrownBy(() -> Airlock.enqueue("legit", 1)).isInstanceOf(PolicyEnqueueException.class);
        first.exit();

        RecordingExecutor executor = new RecordingExecutor();
        Scope second = enterScope(executor);
        Intent intent = Airlock.enqueue("next", 2);
        second.exit();
        second.flush();

        assertThat(executor.dispatched()).containsExactly(intent);
    }
}
