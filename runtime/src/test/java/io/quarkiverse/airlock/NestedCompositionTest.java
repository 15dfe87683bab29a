package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Where nesting meets policies and failures: enclosing scopes capture before any policy applies, local and scope
 * policies travel with what they capture, a purity check sees through nested scopes, and a unit of work that cannot
 * end cleanly leaves its thread as it found it.
 */
class NestedCompositionTest extends AirlockTestSupport {

    private final RecordingExecutor executor = new RecordingExecutor();

    @Test
    void localPoliciesTravelWithIntentsIntoTheCapturingScope() throws Exception {
        Scope outer = enterScope(executor);
        Airlock.policy(new BlockTasks("blocked"), () -> Airlock.scope(new Scope(new AllowAll(), executor), inner -> {
            Airlock.enqueue("kept");
            Airlock.enqueue("blocked");
        }));
        outer.exit();

        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("kept", "blocked");
        assertThat(outer.capturedIntents().get(1).localPolicies()).hasSize(1);
        assertThat(outer.flush()).extracting(Intent::name).containsExactly("kept");
        assertThat(executor.names()).containsExactly("kept");
    }

    @Test
    void theNestedScopesPolicyKeepsItsSayOverWhatItsParentCaptured() throws Exception {
        Scope outer = enterScope(executor);
        Scope inner = Airlock.scope(new DropAll(), scope -> Airlock.enqueue("dry-run"));
        outer.exit();

        assertThat(inner.isFlushed()).isTrue();
        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("dry-run");
        assertThat(outer.flush()).isEmpty();
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void policiesApplyOnceWhereTheIntentFinallyEscapesInnermostFirst() throws Exception {
        List<String> log = new ArrayList<>();
        RecordingPolicy outerPolicy = new RecordingPolicy("outer", log);
        RecordingPolicy innerPolicy = new RecordingPolicy("inner", log);
        RecordingPolicy local = new RecordingPolicy("local", log);
        Scope outer = new Scope(outerPolicy, executor).enter();
        Airlock.policy(local, () -> Airlock.scope(new Scope(innerPolicy, executor), s -> Airlock.enqueue("x")));
        log.clear();
        outer.exit();
        outer.flush();

        assertThat(log).containsExactly("local.allows:x", "inner.allows:x", "outer.allows:x");
    }

    @Test
    void assertNoEffectsSeesAnIntentFlushedByANestedScope() {
        Throwable thrown = catchThrowable(() -> Airlock.scope(new AssertNoEffects(),
                outer -> Airlock.scope(new Scope(new AllowAll(), executor).withOrigin("OrderService#checkout"),
                        inner -> Airlock.enqueue("sendInvoice", 42))));

        assertThat(thrown).isInstanceOf(PolicyViolationException.class)
                .hasMessageContaining("sendInvoice")
                .hasMessageContaining("OrderService#checkout");
        assertThat(executor.dispatched()).isEmpty();
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void assertNoEffectsSeesThroughSeveralLevels() {
        Throwable thrown = catchThrowable(() -> Airlock.scope(new AssertNoEffects(),
                outer -> Airlock.scope(new Scope(new AllowAll(), executor),
                        middle -> Airlock.scope(new Scope(new AllowAll(), executor),
                                inner -> Airlock.enqueue("deep")))));

        assertThat(thrown).isInstanceOf(PolicyViolationException.class).hasMessageContaining("deep");
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void aBodyThatLeavesANestedScopeOpenAndThrowsLeavesNothingBehind() {
        IllegalStateException boom = new IllegalStateException("boom");
        Scope[] leftOpen = new Scope[1];

        Throwable thrown = catchThrowable(() -> Airlock.policy(new AllowAll(), () -> Airlock.scope(
                new Scope(new AllowAll(), executor), outer -> {
                    Airlock.enqueue("outer-effect");
                    leftOpen[0] = enterScope(executor);
                    Airlock.enqueue("inner-effect");
                    throw boom;
                })));

        assertThat(thrown).isSameAs(boom);
        assertThat(boom.getSuppressed()).singleElement().isInstanceOf(ScopeStateException.class);
        assertThat(Airlock.currentScope()).isEmpty();
        assertThat(leftOpen[0].isDiscarded()).isTrue();
        assertThat(executor.dispatched()).isEmpty();
        assertThatThrownBy(() -> Airlock.enqueue("later")).isInstanceOf(NoScopeException.class);
        Scope next = Airlock.scope(new Scope(new AllowAll(), executor), s -> Airlock.enqueue("next"));
        assertThat(next.intents().get(0).localPolicies()).isEmpty();
    }

    @Test
    void aBodyThatLeavesANestedScopeOpenAndReturnsFailsAndLetsNothingOut() {
        Throwable thrown = catchThrowable(() -> Airlock.scope(new Scope(new AllowAll(), executor), outer -> {
            Airlock.enqueue("outer-effect");
            enterScope(executor);
        }));

        assertThat(thrown).isInstanceOf(ScopeStateException.class).hasMessageContaining("still open");
        assertThat(Airlock.currentScope()).isEmpty();
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void aFlushThatFailsStillLeavesTheThreadClean() {
        IntentExecutor failing = intent -> {
            throw new IllegalStateException("broker down");
        };
        assertThatThrownBy(() -> Airlock.scope(new Scope(new AllowAll(), failing), s -> Airlock.enqueue("x")))
                .hasMessageContaining("broker down");
        assertThat(Airlock.currentScope()).isEmpty();
        assertThatThrownBy(() -> Airlock.enqueue("later")).isInstanceOf(NoScopeException.class);
    }
}
