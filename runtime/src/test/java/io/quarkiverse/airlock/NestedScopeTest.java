package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** API.md section 5, nesting: capture by ancestors through beforeDescendantFlushes. */
class NestedScopeTest extends AirlockTestSupport {

    private final RecordingExecutor outerExecutor = new RecordingExecutor();
    private final RecordingExecutor innerExecutor = new RecordingExecutor();

    /** Nothing has escaped yet, through either scope's executor. */
    private void assertNothingDispatched() {
        assertThat(outerExecutor.dispatched()).isEmpty();
        assertThat(innerExecutor.dispatched()).isEmpty();
    }

    /** The outer scope flushed and dispatched these tasks, in this order; nothing went through the inner scope. */
    private void assertOnlyTheOuterScopeDispatched(Scope outer, String... tasks) {
        assertThat(outerExecutor.names()).containsExactly(tasks);
        assertThat(innerExecutor.dispatched()).isEmpty();
        assertThat(outer.isFlushed()).isTrue();
    }

    /** Enters the ancestors, outermost first, then a scope of the inner executor nested in them, which it returns. */
    private Scope enterNestedIn(Scope... ancestors) {
        for (Scope ancestor : ancestors) {
            ancestor.enter();
        }
        return enterScope(innerExecutor);
    }

    /** Records every call and releases (returns) the offered intents that match {@code release}. */
    static class RecordingScope extends Scope {

        final String label;
        final List<String> calls;
        final List<Scope> exitingSeen = new ArrayList<>();
        final List<List<Intent>> offered = new ArrayList<>();
        private final Predicate<Intent> release;

        RecordingScope(String label, List<String> calls, IntentExecutor executor, Predicate<Intent> release) {
            super(new AllowAll(), executor);
            this.label = label;
            this.calls = calls;
            this.release = release;
        }

        @Override
        protected List<Intent> beforeDescendantFlushes(Scope exiting, List<Intent> intents) {
            calls.add(label);
            exitingSeen.add(exiting);
            offered.add(List.copyOf(intents));
            List<Intent> released = new ArrayList<>();
            for (Intent intent : intents) {
                if (release.test(intent)) {
                    released.add(intent);
                }
            }
            return released;
        }
    }

    @Test
    void byDefaultTheOuterScopeCapturesWhatANestedScopeFlushesAndKnowsWhichIntentsAreItsOwn() {
        Scope outer = enterScope(outerExecutor);
        Intent o1 = Airlock.enqueue("o1", 1);
        Scope inner = enterScope(innerExecutor);
        Intent i1 = Airlock.enqueue("i1", 2);
        Intent i2 = Airlock.enqueue("i2", noop());
        inner.exit();

        List<Intent> innerDispatched = inner.flush();

        assertThat(innerDispatched).isEmpty();
        assertNothingDispatched();
        assertThat(inner.isFlushed()).isTrue();

        Intent o2 = Airlock.enqueue("o2", 3);
        outer.exit();

        assertThat(outer.ownIntents()).containsExactly(o1, o2);
        assertThat(outer.capturedIntents()).containsExactly(i1, i2);
        assertThat(outer.intents()).containsExactly(o1, i1, i2, o2);
        assertThat(inner.ownIntents()).containsExactly(i1, i2);
        assertThat(inner.capturedIntents()).isEmpty();
        assertThat(inner.intents()).containsExactly(i1, i2);

        List<Intent> outerDispatched = outer.flush();

        assertThat(outerDispatched).containsExactly(o1, i1, i2, o2);
        assertThat(outerExecutor.dispatched()).containsExactly(o1, i1, i2, o2);
        assertThat(innerExecutor.dispatched()).isEmpty();
        assertThat(outer.intents()).containsExactly(o1, i1, i2, o2);
        assertThat(outer.capturedIntents()).containsExactly(i1, i2);
    }

    @Test
    void theOutermostScopeHasTheFinalWord() {
        Scope outer = Airlock.scope(new Scope(new DropAll(), outerExecutor),
                o -> Airlock.scope(new Scope(new AllowAll(), innerExecutor), i -> Airlock.enqueue("task", 1)));

        assertNothingDispatched();
        assertThat(names(outer.capturedIntents())).containsExactly("task");
        assertThat(names(outer.intents())).containsExactly("task");
    }

    @Test
    void nestedAirlockScopesDispatchEverythingThroughTheOuterScope() {
        Scope outer = Airlock.scope(new Scope(new AllowAll(), outerExecutor), o -> {
            Airlock.enqueue("o1", 1);
            Airlock.scope(new Scope(new AllowAll(), innerExecutor), i -> Airlock.enqueue("i1", 2));
            Airlock.enqueue("o2", 3);
        });

        assertOnlyTheOuterScopeDispatched(outer, "o1", "i1", "o2");
    }

    @Test
    void theNestedScopePolicyAppliesBeforeCapture() {
        Scope outer = Airlock.scope(new Scope(new AllowAll(), outerExecutor), o -> {
            Airlock.scope(new Scope(new BlockTasks("blocked"), innerExecutor), i -> {
                Airlock.enqueue("blocked", 1);
                Airlock.enqueue("free", 2);
            });
        });

        assertOnlyTheOuterScopeDispatched(outer, "free");
    }

    @Test
    void aDiscardedNestedScopeLeavesNothingToTheOuterScope() {
        Scope outer = enterScope(outerExecutor);
        Scope inner = enterScope(innerExecutor);
        Airlock.enqueue("i1", 1);
        inner.exit();

        inner.discard();
        outer.exit();

        assertThat(outer.flush()).isEmpty();
        assertThat(outer.capturedIntents()).isEmpty();
        assertNothingDispatched();
    }

    @Test
    void discardingTheOuterScopeDropsWhatItCaptured() {
        Scope outer = enterScope(outerExecutor);
        Airlock.scope(new Scope(new AllowAll(), innerExecutor), s -> Airlock.enqueue("captured", 1));
        outer.exit();

        assertThat(names(outer.discard())).containsExactly("captured");

        assertNothingDispatched();
    }

    @Test
    void selectiveCaptureDispatchesReleasedIntentsInTheInnerScopeAndCapturesTheRest() {
        List<String> calls = new ArrayList<>();
        RecordingScope outer = new RecordingScope("outer", calls, outerExecutor, i -> i.name().startsWith("now"));
        outer.enter();
        Scope inner = enterScope(innerExecutor);
        Intent now1 = Airlock.enqueue("nowEmail", 1);
        Intent later1 = Airlock.enqueue("laterReport", 2);
        Intent now2 = Airlock.enqueue("nowSms", 3);
        Intent later2 = Airlock.enqueue("laterAudit", 4);
        inner.exit();

        List<Intent> innerDispatched = inner.flush();

        assertThat(calls).containsExactly("outer");
        assertThat(outer.offered).containsExactly(List.of(now1, later1, now2, later2));
        assertSame(inner, outer.exitingSeen.get(0));
        assertThat(innerDispatched).containsExactly(now1, now2);
        assertThat(innerExecutor.dispatched()).containsExactly(now1, now2);
        assertThat(outerExecutor.dispatched()).isEmpty();
        assertThat(outer.capturedIntents()).containsExactly(later1, later2);

        outer.exit();
        List<Intent> outerDispatched = outer.flush();

        assertThat(outerDispatched).containsExactly(later1, later2);
        assertThat(outerExecutor.dispatched()).containsExactly(later1, later2);
        assertThat(innerExecutor.dispatched()).containsExactly(now1, now2);
    }

    @Test
    void anAncestorReleasingEverythingLetsTheNestedScopeDispatchAll() {
        List<String> calls = new ArrayList<>();
        RecordingScope outer = new RecordingScope("outer", calls, outerExecutor, i -> true);
        Scope inner = enterNestedIn(outer);
        Intent a = Airlock.enqueue("a", 1);
        Intent b = Airlock.enqueue("b", 2);
        inner.exit();

        assertThat(inner.flush()).containsExactly(a, b);

        assertThat(innerExecutor.dispatched()).containsExactly(a, b);
        assertThat(outer.capturedIntents()).isEmpty();
        outer.exit();
        assertThat(outer.flush()).isEmpty();
        assertThat(outerExecutor.dispatched()).isEmpty();
    }

    @Test
    void ancestorsAreAskedInnermostFirstAndAllSeeTheInnermostExitingScope() {
        List<String> calls = new ArrayList<>();
        RecordingExecutor middleExecutor = new RecordingExecutor();
        RecordingScope outer = new RecordingScope("outer", calls, outerExecutor, i -> false);
        RecordingScope middle = new RecordingScope("middle", calls, middleExecutor, i -> true);
        Scope innermost = enterNestedIn(outer, middle);
        Intent a = Airlock.enqueue("a", 1);
        Intent b = Airlock.enqueue("b", 2);
        innermost.exit();

        List<Intent> innerDispatched = innermost.flush();

        assertThat(calls).containsExactly("middle", "outer");
        assertThat(middle.exitingSeen).singleElement().isSameAs(innermost);
        assertThat(outer.exitingSeen).singleElement().isSameAs(innermost);
        assertThat(middle.offered).containsExactly(List.of(a, b));
        assertThat(outer.offered).containsExactly(List.of(a, b));
        assertThat(innerDispatched).isEmpty();
        assertThat(innerExecutor.dispatched()).isEmpty();
        assertThat(middle.capturedIntents()).isEmpty();
        assertThat(outer.capturedIntents()).containsExactly(a, b);

        middle.exit();
        middle.flush();
        outer.exit();
        assertThat(outer.flush()).containsExactly(a, b);
        assertThat(outerExecutor.dispatched()).containsExactly(a, b);
        assertThat(middleExecutor.dispatched()).isEmpty();
    }

    @Test
    void anOuterAncestorIsOfferedOnlyWhatAnInnerAncestorReleased() {
        List<String> calls = new ArrayList<>();
        RecordingScope outer = new RecordingScope("outer", calls, outerExecutor, i -> false);
        RecordingScope middle = new RecordingScope("middle", calls, new RecordingExecutor(),
                i -> i.name().equals("x"));
        Scope innermost = enterNestedIn(outer, middle);
        Intent x = Airlock.enqueue("x", 1);
        Intent y = Airlock.enqueue("y", 2);
        innermost.exit();

        innermost.flush();

        assertThat(calls).containsExactly("middle", "outer");
        assertThat(outer.offered).containsExactly(List.of(x));
        assertThat(middle.capturedIntents()).containsExactly(y);
        assertThat(outer.capturedIntents()).containsExactly(x);
        assertSame(innermost, outer.exitingSeen.get(0));
        middle.exit();
        outer.exit();
    }

    @Test
    void beforeDescendantFlushesReturningNullThrowsIllegalStateException() {
        Scope outer = new Scope(new AllowAll(), outerExecutor) {
            @Override
            protected List<Intent> beforeDescendantFlushes(Scope exiting, List<Intent> intents) {
                return null;
            }
        };
        Scope inner = enterNestedIn(outer);
        Airlock.enqueue("a", 1);
        inner.exit();

        assertThatThrownBy(inner::flush).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("beforeDescendantFlushes");

        assertThat(innerExecutor.dispatched()).isEmpty();
        outer.exit();
    }

    @Test
    void isActiveIsTrueOnlyForTheCurrentScope() {
        Scope outer = enterScope(outerExecutor);
        assertThat(outer.isActive()).isTrue();

        Scope inner = enterScope(innerExecutor);
        assertThat(inner.isActive()).isTrue();
        assertThat(outer.isActive()).isFalse();
        assertThat(Airlock.currentScope()).containsSame(inner);

        inner.exit();
        assertThat(inner.isActive()).isFalse();
        assertThat(outer.isActive()).isTrue();
        assertThat(Airlock.currentScope()).containsSame(outer);

        outer.exit();
        assertThat(outer.isActive()).isFalse();
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void enqueueGoesToTheCurrentScopeOnly() {
        Scope outer = enterScope(outerExecutor);
        Scope inner = enterScope(innerExecutor);

        Intent intent = Airlock.enqueue("task", 1);

        assertThat(inner.intents()).containsExactly(intent);
        assertThat(outer.intents()).isEmpty();
        inner.exit();
        assertThat(outer.intents()).isEmpty();
        outer.exit();
    }

    @Test
    void theOuterScopePolicyAppliesToCapturedIntentsWhenItFlushes() {
        List<String> log = new ArrayList<>();
        RecordingPolicy outerPolicy = new RecordingPolicy("outer", log, i -> !i.name().equals("dropMe"));
        Scope outer = new Scope(outerPolicy, outerExecutor).enter();
        Scope inner = enterScope(innerExecutor);
        Airlock.enqueue("dropMe", 1);
        Airlock.enqueue("keepMe", 2);
        inner.exit();
        inner.flush();
        outer.exit();

        List<Intent> dispatched = outer.flush();

        assertThat(names(dispatched)).containsExactly("keepMe");
        assertThat(log).filteredOn(entry -> entry.startsWith("outer.allows"))
                .containsExactly("outer.allows:dropMe", "outer.allows:keepMe");
    }
}
