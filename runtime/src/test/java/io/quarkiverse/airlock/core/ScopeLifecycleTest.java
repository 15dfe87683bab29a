package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.ScopeStateException;

class ScopeLifecycleTest {

    @Test
    void flushDispatchesFifoAndReturnsWhatWasDispatched() {
        Recorder executor = new Recorder();
        Scope scope = new Scope(new AllowAll(), executor).enter();
        Airlock.enqueue("a");
        Airlock.enqueue("b");
        Airlock.enqueue("c");
        scope.exit();
        assertThat(executor.dispatched).isEmpty();

        List<Intent> dispatched = scope.flush();

        assertThat(executor.names()).containsExactly("a", "b", "c");
        assertThat(dispatched).containsExactlyElementsOf(executor.dispatched);
        assertThat(scope.isFlushed()).isTrue();
        assertThat(scope.isDiscarded()).isFalse();
    }

    @Test
    void failingExecutorStopsTheRestAndTheScopeStaysFlushed() {
        IllegalStateException failure = new IllegalStateException("smtp down");
        Recorder seen = new Recorder();
        IntentExecutor failing = intent -> {
            seen.dispatch(intent);
            if (intent.name().equals("b")) {
                throw failure;
            }
        };
        Scope scope = new Scope(new AllowAll(), failing).enter();
        Airlock.enqueue("a");
        Airlock.enqueue("b");
        Airlock.enqueue("c");
        scope.exit();

        assertThatThrownBy(scope::flush).isSameAs(failure);

        assertThat(seen.names()).containsExactly("a", "b");
        assertThat(scope.isFlushed()).isTrue();
        assertThatThrownBy(scope::flush).isInstanceOf(ScopeStateException.class);
    }

    @Test
    void discardDropsEverythingAndReturnsIt() {
        Recorder executor = new Recorder();
        Scope scope = new Scope(new AllowAll(), executor).enter();
        Airlock.enqueue("a");
        scope.exit();

        List<Intent> dropped = scope.discard();

        assertThat(dropped).extracting(Intent::name).containsExactly("a");
        assertThat(executor.dispatched).isEmpty();
        assertThat(scope.isDiscarded()).isTrue();
    }

    @Test
    void intentsSurviveTheFlush() {
        Recorder executor = new Recorder();
        Scope scope = Airlock.scope(new Scope(new DropAll(), executor), s -> Airlock.enqueue("kept"));
        assertThat(scope.intents()).extracting(Intent::name).containsExactly("kept");
        assertThat(scope.ownIntents()).extracting(Intent::name).containsExactly("kept");
    }

    @Test
    void lifecycleErrors() {
        Scope active = new Scope(new AllowAll(), new Recorder()).enter();
        try {
            assertThatThrownBy(active::flush).isInstanceOf(ScopeStateException.class).hasMessageContaining("active");
            assertThatThrownBy(active::discard).isInstanceOf(ScopeStateException.class);
            assertThatThrownBy(active::enter).isInstanceOf(ScopeStateException.class);
        } finally {
            active.exit();
        }
        assertThatThrownBy(active::exit).isInstanceOf(ScopeStateException.class);

        Scope flushed = new Scope(new AllowAll(), new Recorder());
        flushed.flush();
        assertThatThrownBy(flushed::flush).isInstanceOf(ScopeStateException.class);
        assertThatThrownBy(flushed::discard).isInstanceOf(ScopeStateException.class);
        assertThatThrownBy(flushed::enter).isInstanceOf(ScopeStateException.class);

        Scope discarded = new Scope(new AllowAll(), new Recorder());
        discarded.discard();
        assertThatThrownBy(discarded::discard).isInstanceOf(ScopeStateException.class);
        assertThatThrownBy(discarded::flush).isInstanceOf(ScopeStateException.class);
    }

    @Test
    void enqueueIntoAFinishedScopeFails() {
        Scope outer = new Scope(new AllowAll(), new Recorder()).enter();
        Scope inner = new Scope(new AllowAll(), new Recorder()).enter();
        inner.exit();
        inner.flush();
        // a finished scope can no longer become current, so the only way in is a stale reference: a subclass
        // re-entering it is refused
        assertThatThrownBy(inner::enter).isInstanceOf(ScopeStateException.class);
        outer.exit();
        outer.discard();
    }

    @Test
    void isActiveOnlyForTheCurrentScopeHere() throws Exception {
        Scope outer = new Scope(new AllowAll(), new Recorder()).enter();
        assertThat(outer.isActive()).isTrue();
        Scope inner = new Scope(new AllowAll(), new Recorder()).enter();
        assertThat(inner.isActive()).isTrue();
        assertThat(outer.isActive()).isFalse();
        boolean[] seenElsewhere = new boolean[2];
        Thread other = new Thread(() -> {
            seenElsewhere[0] = inner.isActive();
            seenElsewhere[1] = Airlock.currentScope().isPresent();
        });
        other.start();
        other.join();
        assertThat(seenElsewhere).containsExactly(false, false);
        inner.exit();
        assertThat(outer.isActive()).isTrue();
        assertThat(Airlock.currentScope()).containsSame(outer);
        outer.exit();
        assertThat(Airlock.currentScope()).isEmpty();
        outer.discard();
        inner.discard();
    }

    @Test
    void flushReturnsExactlyWhatDispatchAllReceived() {
        List<List<Intent>> handed = new java.util.ArrayList<>();
        Scope deferring = new Scope(new AllowAll(), new Recorder()) {
            @Override
            protected void dispatchAll(List<Intent> intents) {
                handed.add(intents);
            }
        };
        deferring.enter();
        Airlock.enqueue("later");
        deferring.exit();

        List<Intent> returned = deferring.flush();

        assertThat(handed).hasSize(1);
        assertThat(returned).isSameAs(handed.get(0));
        assertThat(returned).extracting(Intent::name).containsExactly("later");
    }
}
