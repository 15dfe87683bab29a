package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;

class NestedScopeTest {

    @Test
    void outermostScopeCapturesAndHasTheFinalWord() {
        Recorder executor = new Recorder();
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Airlock.enqueue("a");
        Scope inner = Airlock.scope(new Scope(new AllowAll(), executor), s -> Airlock.enqueue("b"));
        Airlock.enqueue("c");
        outer.exit();

        assertThat(inner.isFlushed()).isTrue();
        assertThat(executor.dispatched).isEmpty();
        assertThat(outer.intents()).extracting(Intent::name).containsExactly("a", "b", "c");
        assertThat(outer.ownIntents()).extracting(Intent::name).containsExactly("a", "c");
        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("b");

        outer.flush();
        assertThat(executor.names()).containsExactly("a", "b", "c");
    }

    @Test
    void discardingTheOuterScopeDropsWhatItCaptured() {
        Recorder executor = new Recorder();
        Scope outer = new Scope(new AllowAll(), executor).enter();
        Airlock.scope(new Scope(new AllowAll(), executor), s -> Airlock.enqueue("b"));
        outer.exit();
        outer.discard();
        assertThat(executor.dispatched).isEmpty();
    }

    @Test
    void selectiveCaptureReleasesWhatTheAncestorReturns() {
        Recorder innerExecutor = new Recorder();
        Recorder outerExecutor = new Recorder();
        Scope outer = new Scope(new AllowAll(), outerExecutor) {
            @Override
            protected List<Intent> beforeDescendantFlushes(Scope exiting, List<Intent> intents) {
                return intents.stream().filter(intent -> intent.name().startsWith("now")).toList();
            }
        }.enter();
        Airlock.scope(new Scope(new AllowAll(), innerExecutor), s -> {
            Airlock.enqueue("now.log");
            Airlock.enqueue("later.email");
        });
        assertThat(innerExecutor.names()).containsExactly("now.log");
        assertThat(outer.capturedIntents()).extracting(Intent::name).containsExactly("later.email");
        outer.exit();
        outer.flush();
        assertThat(outerExecutor.names()).containsExactly("later.email");
    }

    @Test
    void threeLevelWalkAsksAncestorsInnermostFirstWithTheInnermostAsExiting() {
        List<String> asked = new ArrayList<>();
        List<Scope> exitingSeen = new ArrayList<>();
        Recorder executor = new Recorder();
        Scope top = new AskingScope("top", asked, exitingSeen, executor).enter();
        Scope middle = new AskingScope("middle", asked, exitingSeen, executor).enter();
        Scope innermost = Airlock.scope(new Scope(new AllowAll(), executor), s -> Airlock.enqueue("x"));
        middle.exit();
        top.exit();

        assertThat(asked).containsExactly("middle", "top");
        assertThat(exitingSeen).containsExactly(innermost, innermost);
        assertThat(executor.names()).containsExactly("x");
        middle.discard();
        top.discard();
    }

    @Test
    void nullFromBeforeDescendantFlushesIsAnError() {
        Scope outer = new Scope(new AllowAll(), new Recorder()) {
            @Override
            protected List<Intent> beforeDescendantFlushes(Scope exiting, List<Intent> intents) {
                return null;
            }
        }.enter();
        try {
            assertThatThrownBy(() -> Airlock.scope(new Scope(new AllowAll(), new Recorder()),
                    s -> Airlock.enqueue("x"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("beforeDescendantFlushes");
        } finally {
            outer.exit();
            outer.discard();
        }
    }

    /** Releases everything it is offered, recording the question. */
    static final class AskingScope extends Scope {
        private final String label;
        private final List<String> asked;
        private final List<Scope> exitingSeen;

        AskingScope(String label, List<String> asked, List<Scope> exitingSeen, Recorder executor) {
            super(new AllowAll(), executor);
            this.label = label;
            this.asked = asked;
            this.exitingSeen = exitingSeen;
        }

        @Override
        protected List<Intent> beforeDescendantFlushes(Scope exiting, List<Intent> intents) {
            asked.add(label);
            exitingSeen.add(exiting);
            return intents;
        }
    }
}
