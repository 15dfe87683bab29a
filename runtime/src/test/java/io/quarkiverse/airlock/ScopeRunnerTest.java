package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** API.md section 5, running code in a scope: Airlock.scope(...) and Airlock.scoped(...). */
class ScopeRunnerTest extends AirlockTestSupport {

    private final RecordingExecutor executor = new RecordingExecutor();

    /** The runners without an explicit executor use the configured one: this test's recording executor. */
    @BeforeEach
    void recordTheConfiguredExecutor() {
        Airlock.configure(AirlockDefaults.builder().executor(executor).build());
    }

    /** Records every shouldFlush call and what the scope looked like at that moment. */
    static class ObservedScope extends Scope {

        final List<Throwable> shouldFlushArgs = new ArrayList<>();
        final List<Boolean> activeDuringShouldFlush = new ArrayList<>();
        private final Boolean answer;

        ObservedScope(IntentExecutor executor) {
            this(executor, null);
        }

        /** {@code answer} null means the default decision. */
        ObservedScope(IntentExecutor executor, Boolean answer) {
            super(new AllowAll(), executor);
            this.answer = answer;
        }

        @Override
        protected boolean shouldFlush(Throwable error) {
            shouldFlushArgs.add(error);
            activeDuringShouldFlush.add(isActive());
            return answer == null ? super.shouldFlush(error) : answer;
        }
    }

    @Test
    void scopeEntersRunsTheBodyExitsAndFlushes() {
        List<Scope> seen = new ArrayList<>();
        List<Boolean> activeInside = new ArrayList<>();
        List<Optional<Scope>> currentInside = new ArrayList<>();

        Scope returned = Airlock.scope(scope -> {
            seen.add(scope);
            activeInside.add(scope.isActive());
            currentInside.add(Airlock.currentScope());
            Airlock.enqueue("a", 1);
            Airlock.enqueue("b", 2);
            assertThat(executor.dispatched()).isEmpty();
        });

        assertThat(seen).singleElement().isSameAs(returned);
        assertThat(activeInside).containsExactly(true);
        assertThat(currentInside).containsExactly(Optional.of(returned));
        assertThat(returned.isActive()).isFalse();
        assertThat(returned.isFlushed()).isTrue();
        assertThat(executor.names()).containsExactly("a", "b");
        assertThat(names(returned.intents())).containsExactly("a", "b");
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void theScopeIsExitedBeforeItFlushes() {
        List<Optional<Scope>> currentDuringDispatch = new ArrayList<>();
        IntentExecutor observing = intent -> currentDuringDispatch.add(Airlock.currentScope());

        ObservedScope scope = new ObservedScope(observing);
        Airlock.scope(scope, s -> Airlock.enqueue("a", 1));

        assertThat(scope.activeDuringShouldFlush).containsExactly(false);
        assertThat(currentDuringDispatch).containsExactly(Optional.empty());
    }

    @Test
    void scopeWithACustomScopeReturnsThatScopeAndCallsShouldFlushWithNullOnSuccess() {
        ObservedScope custom = new ObservedScope(executor);

        Scope returned = Airlock.scope(custom, scope -> {
            assertSame(custom, scope);
            Airlock.enqueue("a", 1);
        });

        assertSame(custom, returned);
        assertThat(custom.shouldFlushArgs).hasSize(1).containsOnlyNulls();
        assertThat(custom.isFlushed()).isTrue();
        assertThat(executor.names()).containsExactly("a");
    }

    static Stream<Throwable> bodyFailures() {
        return Stream.of(new IllegalStateException("boom"), new IOException("disk full"),
                new OutOfMemoryError("simulated"));
    }

    @ParameterizedTest
    @MethodSource("bodyFailures")
    void aFailingBodyDiscardsAndItsFailureIsRethrownUnchanged(Throwable failure) {
        ObservedScope custom = new ObservedScope(executor);

        Throwable thrown = catchThrowable(() -> Airlock.scope(custom, scope -> {
            Airlock.enqueue("a", 1);
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(custom.shouldFlushArgs).containsExactly(failure);
        assertThat(custom.isDiscarded()).isTrue();
        assertThat(custom.isFlushed()).isFalse();
        assertThat(executor.dispatched()).isEmpty();
        assertThat(names(custom.intents())).containsExactly("a");
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void shouldFlushTrueOnFailureFlushesAndStillRethrows() {
        ObservedScope flushAnyway = new ObservedScope(executor, true);
        IllegalArgumentException failure = new IllegalArgumentException("expected business failure");

        Throwable thrown = catchThrowable(() -> Airlock.scope(flushAnyway, scope -> {
            Airlock.enqueue("auditFailure", 1);
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(flushAnyway.shouldFlushArgs).containsExactly(failure);
        assertThat(flushAnyway.isFlushed()).isTrue();
        assertThat(executor.names()).containsExactly("auditFailure");
    }

    @Test
    void shouldFlushFalseOnSuccessDiscards() {
        ObservedScope neverFlush = new ObservedScope(executor, false);

        Scope returned = Airlock.scope(neverFlush, scope -> Airlock.enqueue("a", 1));

        assertSame(neverFlush, returned);
        assertThat(neverFlush.shouldFlushArgs).hasSize(1).containsOnlyNulls();
        assertThat(returned.isDiscarded()).isTrue();
        assertThat(executor.dispatched()).isEmpty();
        assertThat(names(returned.intents())).containsExactly("a");
    }

    @Test
    void scopeWithAPolicyUsesThatPolicyAndTheConfiguredExecutor() {
        Policy block = new BlockTasks("blocked");

        Scope returned = Airlock.scope(block, scope -> {
            Airlock.enqueue("blocked", 1);
            Airlock.enqueue("free", 2);
        });

        assertSame(block, returned.policy());
        assertSame(executor, returned.executor());
        assertThat(returned.isFlushed()).isTrue();
        assertThat(executor.names()).containsExactly("free");
        assertThat(names(returned.intents())).containsExactly("blocked", "free");
    }

    @Test
    void scopeWithDropAllReturnsTheScopeForInspection() {
        Scope returned = Airlock.scope(new DropAll(), scope -> {
            Airlock.enqueue("a", 1);
            Airlock.enqueue("b", "two");
        });

        assertThat(executor.dispatched()).isEmpty();
        assertThat(returned.intents()).extracting(Intent::toString).containsExactly("a(1)", "b(\"two\")");
    }

    @Test
    void scopeWithAPolicyDiscardsOnFailure() {
        Scope[] inside = new Scope[1];
        RuntimeException boom = new RuntimeException("boom");

        Throwable thrown = catchThrowable(() -> Airlock.scope(new AllowAll(), scope -> {
            inside[0] = scope;
            Airlock.enqueue("a", 1);
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
        assertThat(inside[0].isDiscarded()).isTrue();
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void scopedReturnsTheValueAndFlushes() {
        String value = Airlock.scoped(new AllowAll(), () -> {
            Airlock.enqueue("a", 1);
            assertThat(executor.dispatched()).isEmpty();
            assertThat(Airlock.currentScope()).isPresent();
            return "result";
        });

        assertThat(value).isEqualTo("result");
        assertThat(executor.names()).containsExactly("a");
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void scopedAppliesItsPolicy() {
        Integer value = Airlock.scoped(new DropAll(), () -> {
            Airlock.enqueue("a", 1);
            return 42;
        });

        assertThat(value).isEqualTo(42);
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void scopedDiscardsAndRethrowsTheSameException() {
        IllegalStateException boom = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> Airlock.scoped(new AllowAll(), () -> {
            Airlock.enqueue("a", 1);
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
        assertThat(executor.dispatched()).isEmpty();
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void scopedRethrowsACheckedExceptionUnchanged() {
        IOException io = new IOException("io");

        IOException thrown = null;
        try {
            Airlock.<String, IOException> scoped(new AllowAll(), () -> {
                Airlock.enqueue("a", 1);
                throw io;
            });
        } catch (IOException e) {
            thrown = e;
        }

        assertThat(thrown).isSameAs(io);
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void scopedCanReturnNull() {
        Object value = Airlock.scoped(new DropAll(), () -> null);

        assertThat(value).isNull();
    }

    @Test
    void nestedAirlockScopeRestoresTheEnclosingScope() {
        List<Optional<Scope>> afterInner = new ArrayList<>();

        Scope outer = Airlock.scope(new Scope(new AllowAll(), executor), o -> {
            catchThrowable(() -> Airlock.scope(new AllowAll(), i -> {
                throw new IllegalStateException("inner failure");
            }));
            afterInner.add(Airlock.currentScope());
            Airlock.scope(new AllowAll(), i -> Airlock.enqueue("inner", 1));
            afterInner.add(Airlock.currentScope());
        });

        assertThat(afterInner).containsExactly(Optional.of(outer), Optional.of(outer));
        assertThat(executor.names()).containsExactly("inner");
    }
}
