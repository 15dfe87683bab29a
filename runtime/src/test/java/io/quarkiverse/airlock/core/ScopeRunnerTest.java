package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.NoScopeException;
import io.quarkiverse.airlock.Scope;

class ScopeRunnerTest {

    /** Records what shouldFlush was asked. */
    static final class WatchingScope extends Scope {
        final List<Throwable> asked = new ArrayList<>();

        WatchingScope(Recorder executor) {
            super(new AllowAll(), executor);
        }

        @Override
        protected boolean shouldFlush(Throwable error) {
            asked.add(error);
            return super.shouldFlush(error);
        }
    }

    @Test
    void successFlushesAndReturnsTheFinishedScope() {
        Recorder executor = new Recorder();
        WatchingScope watching = new WatchingScope(executor);
        Scope scope = Airlock.scope(watching, s -> {
            assertThat(s.isActive()).isTrue();
            Airlock.enqueue("a");
        });
        assertThat(scope).isSameAs(watching);
        assertThat(scope.isFlushed()).isTrue();
        assertThat(watching.asked).containsExactly((Throwable) null);
        assertThat(executor.names()).containsExactly("a");
    }

    @Test
    void checkedExceptionDiscardsAndIsRethrownUnchanged() {
        IOException failure = new IOException("boom");
        Recorder executor = new Recorder();
        WatchingScope watching = new WatchingScope(executor);
        assertThatThrownBy(() -> Airlock.scope(watching, s -> {
            Airlock.enqueue("a");
            throw failure;
        })).isSameAs(failure);
        assertThat(watching.isDiscarded()).isTrue();
        assertThat(watching.asked).containsExactly(failure);
        assertThat(executor.dispatched).isEmpty();
    }

    @Test
    void errorsCountAsFailuresToo() {
        AssertionError failure = new AssertionError("bad");
        Recorder executor = new Recorder();
        WatchingScope watching = new WatchingScope(executor);
        assertThatThrownBy(() -> Airlock.scope(watching, s -> {
            Airlock.enqueue("a");
            throw failure;
        })).isSameAs(failure);
        assertThat(watching.asked).containsExactly(failure);
        assertThat(executor.dispatched).isEmpty();
    }

    @Test
    void aCustomShouldFlushCanFlushOnFailure() {
        Recorder executor = new Recorder();
        Scope bestEffort = new Scope(new AllowAll(), executor) {
            @Override
            protected boolean shouldFlush(Throwable error) {
                return true;
            }
        };
        IllegalStateException failure = new IllegalStateException();
        assertThatThrownBy(() -> Airlock.scope(bestEffort, s -> {
            Airlock.enqueue("audit");
            throw failure;
        })).isSameAs(failure);
        assertThat(executor.names()).containsExactly("audit");
    }

    @Test
    void scopedReturnsTheValueAndFlushes() {
        Recorder executor = new Recorder();
        Airlock.configure(io.quarkiverse.airlock.AirlockDefaults.builder().executor(executor).build());
        try {
            Integer value = Airlock.scoped(new AllowAll(), () -> {
                Airlock.enqueue("a");
                return 42;
            });
            assertThat(value).isEqualTo(42);
            assertThat(executor.names()).containsExactly("a");
        } finally {
            Airlock.resetConfiguration();
        }
    }

    @Test
    void scopedRethrowsCheckedExceptions() {
        IOException failure = new IOException();
        assertThatThrownBy(() -> Airlock.scoped(new DropAll(), () -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void nothingSurvivesTheScopeOnThisThread() {
        Airlock.scope(new DropAll(), s -> Airlock.enqueue("a"));
        assertThatThrownBy(() -> Airlock.scope(new DropAll(), s -> {
            throw new IllegalStateException();
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Airlock.currentScope()).isEmpty();
        assertThatThrownBy(() -> Airlock.enqueue("late")).isInstanceOf(NoScopeException.class);
    }

    @Test
    void scopeWithPolicyUsesIt() {
        Scope scope = Airlock.scope(new DropAll(), s -> Airlock.enqueue("a"));
        assertThat(scope.policy()).isInstanceOf(DropAll.class);
        assertThat(Arrays.asList(scope.isFlushed(), scope.intents().size())).containsExactly(true, 1);
    }
}
