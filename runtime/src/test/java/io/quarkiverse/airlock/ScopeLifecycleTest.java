package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** API.md section 5: a single scope's lifecycle, flush, discard and their errors. */
class ScopeLifecycleTest extends AirlockTestSupport {

    private final RecordingExecutor executor = new RecordingExecutor();

    private Scope exitedScopeWith(String... tasks) {
        Scope scope = enterScope(executor);
        for (String task : tasks) {
            Airlock.enqueue(task, task.length());
        }
        scope.exit();
        return scope;
    }

    /** Flushes or discards the scope, as {@code end} ("flush" or "discard") says. */
    private static void finish(Scope scope, String end) {
        if (end.equals("flush")) {
            scope.flush();
        } else {
            scope.discard();
        }
    }

    private static void assertNeitherFlushedNorDiscarded(Scope scope) {
        assertThat(scope.isFlushed()).isFalse();
        assertThat(scope.isDiscarded()).isFalse();
    }

    @Test
    void aNewScopeIsNotActiveFlushedOrDiscardedAndEmpty() {
        Scope scope = new Scope(new AllowAll(), executor);

        assertThat(scope.isActive()).isFalse();
        assertNeitherFlushedNorDiscarded(scope);
        assertThat(scope.intents()).isEmpty();
        assertThat(scope.ownIntents()).isEmpty();
        assertThat(scope.capturedIntents()).isEmpty();
    }

    @Test
    void accessorsReturnTheConstructorArguments() {
        Policy policy = new DropAll();

        Scope scope = new Scope(policy, executor);

        assertSame(policy, scope.policy());
        assertSame(executor, scope.executor());
        assertSame(policy, new Scope(policy).policy());
    }

    @Test
    void enterMakesTheScopeCurrentAndExitRestoresThePreviousOne() {
        Scope scope = new Scope(new AllowAll(), executor);

        Scope returned = scope.enter();

        assertSame(scope, returned);
        assertThat(scope.isActive()).isTrue();
        assertThat(Airlock.currentScope()).containsSame(scope);
        scope.exit();
        assertThat(scope.isActive()).isFalse();
        assertThat(Airlock.currentScope()).isEmpty();
        assertNeitherFlushedNorDiscarded(scope);
    }

    @Test
    void exitNeitherFlushesNorDiscards() {
        Scope scope = exitedScopeWith("a");

        assertThat(executor.dispatched()).isEmpty();
        assertNeitherFlushedNorDiscarded(scope);
        assertThat(names(scope.intents())).containsExactly("a");
    }

    @Test
    void flushDispatchesInFifoOrderAndReturnsTheDispatchedIntents() {
        Scope scope = enterScope(executor);
        Intent a = Airlock.enqueue("a", 1);
        Intent b = Airlock.enqueue("b", noop());
        Intent c = Airlock.intent("c").args(3).enqueue();
        scope.exit();

        List<Intent> dispatched = scope.flush();

        assertThat(dispatched).containsExactly(a, b, c);
        assertThat(executor.dispatched()).containsExactly(a, b, c);
        assertThat(scope.isFlushed()).isTrue();
        assertThat(scope.isDiscarded()).isFalse();
    }

    @Test
    void flushReturnsOnlyWhatThePolicyLetThrough() {
        Scope scope = new Scope(new BlockTasks("b"), executor).enter();
        Intent a = Airlock.enqueue("a", 1);
        Airlock.enqueue("b", 2);
        Intent c = Airlock.enqueue("c", 3);
        scope.exit();

        assertThat(scope.flush()).containsExactly(a, c);
        assertThat(executor.dispatched()).containsExactly(a, c);
    }

    @Test
    void flushOfAnEmptyScopeReturnsAnEmptyList() {
        Scope scope = exitedScopeWith();

        assertThat(scope.flush()).isNotNull().isEmpty();
        assertThat(scope.isFlushed()).isTrue();
    }

    @Test
    void discardDropsEverythingAndReturnsWhatWasDropped() {
        Scope scope = enterScope(executor);
        Intent a = Airlock.enqueue("a", 1);
        Intent b = Airlock.enqueue("b", noop());
        scope.exit();

        List<Intent> dropped = scope.discard();

        assertThat(dropped).containsExactly(a, b);
        assertThat(executor.dispatched()).isEmpty();
        assertThat(scope.isDiscarded()).isTrue();
        assertThat(scope.isFlushed()).isFalse();
    }

    @Test
    void discardDoesNotRunActions() {
        List<String> ran = new ArrayList<>();
        Scope scope = new Scope().enter();
        Airlock.enqueue("action", () -> ran.add("ran"));
        scope.exit();

        scope.discard();

        assertThat(ran).isEmpty();
    }

    @Test
    void intentsKeepTheirContentAfterFlushIncludingDroppedOnes() {
        Scope scope = new Scope(new BlockTasks("dropped"), executor).enter();
        Airlock.enqueue("sent", 1);
        Airlock.enqueue("dropped", 2);
        scope.exit();

        scope.flush();

        assertThat(names(scope.intents())).containsExactly("sent", "dropped");
        assertThat(names(scope.ownIntents())).containsExactly("sent", "dropped");
    }

    @Test
    void intentsKeepTheirContentAfterDiscard() {
        Scope scope = exitedScopeWith("a", "b");

        scope.discard();

        assertThat(names(scope.intents())).containsExactly("a", "b");
    }

    @Test
    void intentsIsASnapshot() {
        Scope scope = enterScope(executor);
        Airlock.enqueue("a", 1);
        List<Intent> snapshot = scope.intents();

        Airlock.enqueue("b", 2);
        scope.exit();

        assertThat(names(snapshot)).containsExactly("a");
        assertThat(names(scope.intents())).containsExactly("a", "b");
    }

    @Test
    void intentsCannotBeModifiedThroughTheReturnedList() {
        Scope scope = exitedScopeWith("a");

        try {
            scope.intents().clear();
        } catch (UnsupportedOperationException expected) {
            // unmodifiable: fine
        }

        assertThat(names(scope.intents())).containsExactly("a");
        assertThat(names(scope.flush())).containsExactly("a");
    }

    @Test
    void scopePolicyAllowsRunsOncePerIntentAtFlushInFifoOrderNeverAtEnqueue() {
        List<String> log = new ArrayList<>();
        RecordingPolicy policy = new RecordingPolicy("scope", log);
        Scope scope = new Scope(policy, executor).enter();
        Airlock.enqueue("a", 1);
        Airlock.enqueue("b", noop());
        Airlock.intent("c").enqueue();
        scope.exit();

        assertThat(policy.seenOnAllows).isEmpty();
        scope.flush();

        assertThat(log).containsExactly(
                "scope.onEnqueue:a", "scope.onEnqueue:b", "scope.onEnqueue:c",
                "scope.allows:a", "scope.allows:b", "scope.allows:c");
    }

    // ---- lifecycle errors

    @Test
    void flushWhileActiveThrowsAndDispatchesNothing() {
        Scope scope = enterScope(executor);
        Airlock.enqueue("a", 1);

        assertThatThrownBy(scope::flush).isInstanceOf(ScopeStateException.class).hasMessageContaining("active");

        assertThat(executor.dispatched()).isEmpty();
        assertThat(scope.isFlushed()).isFalse();
        scope.exit();
        assertThat(names(scope.flush())).containsExactly("a");
    }

    @Test
    void discardWhileActiveThrows() {
        Scope scope = enterScope(executor);
        Airlock.enqueue("a", 1);

        assertThatThrownBy(scope::discard).isInstanceOf(ScopeStateException.class);

        assertThat(scope.isDiscarded()).isFalse();
        scope.exit();
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({ "flush, flush", "discard, discard", "discard, flush", "flush, discard" })
    void aFinishedScopeCannotBeFlushedDiscardedOrEnteredAgain(String first, String second) {
        Scope scope = exitedScopeWith("a");
        boolean flushedFirst = first.equals("flush");
        finish(scope, first);

        assertThatThrownBy(second.equals("flush") ? scope::flush : scope::discard)
                .isInstanceOf(ScopeStateException.class);
        assertThatThrownBy(scope::enter).isInstanceOf(ScopeStateException.class);

        assertThat(executor.names()).containsExactlyElementsOf(flushedFirst ? List.of("a") : List.of());
        assertThat(scope.isFlushed()).isEqualTo(flushedFirst);
        assertThat(scope.isDiscarded()).isEqualTo(!flushedFirst);
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void enterWhenAlreadyActiveThrows() {
        Scope scope = enterScope(executor);

        assertThatThrownBy(scope::enter).isInstanceOf(ScopeStateException.class);

        assertThat(scope.isActive()).isTrue();
        assertThat(Airlock.currentScope()).containsSame(scope);
        scope.exit();
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void exitWhenNeverEnteredThrows() {
        Scope scope = new Scope(new AllowAll(), executor);

        assertThatThrownBy(scope::exit).isInstanceOf(ScopeStateException.class);
    }

    @Test
    void exitTwiceThrows() {
        Scope scope = enterScope(executor);
        scope.exit();

        assertThatThrownBy(scope::exit).isInstanceOf(ScopeStateException.class);

        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void exitOfAnEnclosingScopeWhileANestedOneIsCurrentThrowsAndGivesTheThreadBack() {
        long openBefore = Airlock.openScopes();
        Scope outer = enterScope(executor);
        Scope inner = enterScope(executor);
        Airlock.enqueue("left-open");

        assertThatThrownBy(outer::exit).isInstanceOf(ScopeStateException.class)
                .hasMessageContaining("still open");

        // the thread is as it was before outer entered; the scope left open can no longer let anything out
        assertThat(Airlock.currentScope()).isEmpty();
        assertThat(inner.isDiscarded()).isTrue();
        assertThatThrownBy(inner::exit).isInstanceOf(ScopeStateException.class);
        assertThat(outer.discard()).isEmpty();
        assertThat(Airlock.openScopes()).isEqualTo(openBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = { "flush", "discard" })
    void enqueueIntoAFinishedScopeThrowsScopeStateException(String end) {
        Scope scope = exitedScopeWith("a");
        boolean flushed = end.equals("flush");
        finish(scope, end);

        Throwable thrown = catchThrowable(() -> {
            scope.enter();
            Airlock.enqueue("late", 1);
        });

        assertThat(thrown).isInstanceOf(ScopeStateException.class);
        assertThat(names(scope.intents())).containsExactly("a");
        assertThat(executor.names()).containsExactlyElementsOf(flushed ? List.of("a") : List.of());
    }

    @Test
    void runningAFlushedScopeAgainThrowsScopeStateException() {
        Scope scope = exitedScopeWith("a");
        scope.flush();

        Throwable thrown = catchThrowable(() -> Airlock.scope(scope, s -> Airlock.enqueue("late", 1)));

        assertThat(thrown).isInstanceOf(ScopeStateException.class);
        assertThat(names(scope.intents())).containsExactly("a");
        assertThat(executor.names()).containsExactly("a");
    }

    // ---- executor failure mid-flush

    @Test
    void executorFailureMidFlushLeavesFlushStopsTheRestAndMarksTheScopeFlushed() {
        IllegalStateException failure = new IllegalStateException("smtp down");
        List<String> attempted = new ArrayList<>();
        IntentExecutor failingOnSecond = intent -> {
            attempted.add(intent.name());
            if (intent.name().equals("second")) {
                throw failure;
            }
        };
        Scope scope = enterScope(failingOnSecond);
        Airlock.enqueue("first", 1);
        Airlock.enqueue("second", 2);
        Airlock.enqueue("third", 3);
        scope.exit();

        Throwable thrown = catchThrowable(scope::flush);

        assertThat(thrown).isNotNull();
        assertThat(thrown == failure || hasCause(thrown, failure))
                .as("flush() throws the executor's exception or one caused by it, got %s", thrown)
                .isTrue();
        assertThat(attempted).containsExactly("first", "second");
        assertThat(scope.isFlushed()).isTrue();
        assertThatThrownBy(scope::flush).isInstanceOf(ScopeStateException.class);
        assertThat(attempted).containsExactly("first", "second");
        assertThatThrownBy(scope::discard).isInstanceOf(ScopeStateException.class);
        assertThat(names(scope.intents())).containsExactly("first", "second", "third");
    }

    @Test
    void actionFailureMidFlushWithTheDefaultExecutorStopsTheRest() {
        IllegalStateException failure = new IllegalStateException("action failed");
        List<String> ran = new ArrayList<>();
        Scope scope = new Scope(new AllowAll()).enter();
        Airlock.enqueue("first", () -> ran.add("first"));
        Airlock.enqueue("second", () -> {
            throw failure;
        });
        Airlock.enqueue("third", () -> ran.add("third"));
        scope.exit();

        Throwable thrown = catchThrowable(scope::flush);

        assertThat(thrown == failure || hasCause(thrown, failure))
                .as("flush() throws the action's exception or one caused by it, got %s", thrown)
                .isTrue();
        assertThat(ran).containsExactly("first");
        assertThat(scope.isFlushed()).isTrue();
        assertThatThrownBy(scope::flush).isInstanceOf(ScopeStateException.class);
        assertThat(ran).containsExactly("first");
    }

    // ---- dispatchAll

    @Test
    void flushReturnsExactlyTheListHandedToDispatchAllEvenWhenDispatchIsDeferred() {
        List<List<Intent>> handed = new ArrayList<>();
        Scope deferring = new Scope(new BlockTasks("dropped"), executor) {
            @Override
            protected void dispatchAll(List<Intent> intents) {
                handed.add(intents);
            }
        };
        deferring.enter();
        Intent a = Airlock.enqueue("a", 1);
        Airlock.enqueue("dropped", 2);
        Intent b = Airlock.enqueue("b", 3);
        deferring.exit();

        List<Intent> returned = deferring.flush();

        assertThat(handed).hasSize(1);
        assertSame(handed.get(0), returned);
        assertThat(returned).containsExactly(a, b);
        assertThat(executor.dispatched()).isEmpty();
        assertThat(deferring.isFlushed()).isTrue();
    }

    @Test
    void defaultDispatchAllUsesTheScopeExecutorInOrder() {
        List<List<Intent>> handed = new ArrayList<>();
        Scope observing = new Scope(new AllowAll(), executor) {
            @Override
            protected void dispatchAll(List<Intent> intents) {
                handed.add(List.copyOf(intents));
                super.dispatchAll(intents);
            }
        };
        observing.enter();
        Intent a = Airlock.enqueue("a", 1);
        Intent b = Airlock.enqueue("b", 2);
        observing.exit();

        List<Intent> returned = observing.flush();

        assertThat(handed).containsExactly(List.of(a, b));
        assertThat(executor.dispatched()).containsExactly(a, b);
        assertThat(returned).containsExactly(a, b);
    }

    private static boolean hasCause(Throwable thrown, Throwable expected) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t == expected) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
