package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API.md fine print: nothing of a unit of work survives on a (pooled) thread after it ends, normally or not: no current
 * scope, no local policies, no "inside a policy" flag.
 */
@Timeout(30)
class NothingSurvivesTest extends AirlockTestSupport {

    private final ExecutorService singleThread = Executors.newSingleThreadExecutor();
    private final RecordingExecutor executor = new RecordingExecutor();

    @AfterEach
    void shutdown() throws InterruptedException {
        singleThread.shutdownNow();
        singleThread.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void assertCleanThread() {
        assertThat(Airlock.currentScope()).isEmpty();
        assertThatThrownBy(() -> Airlock.enqueue("afterwards", 1)).isInstanceOf(NoScopeException.class);
        Scope fresh = enterScope(executor);
        Intent intent = Airlock.enqueue("fresh", 1);
        fresh.exit();
        assertThat(intent.localPolicies()).isEmpty();
        assertThat(fresh.flush()).containsExactly(intent);
    }

    /** A unit of work on the test thread that ends, normally or not, with the given executor. */
    @FunctionalInterface
    interface UnitOfWork {
        void run(IntentExecutor executor) throws Exception;
    }

    static Stream<Arguments> unitsOfWork() {
        IntentExecutor failing = intent -> {
            throw new IllegalStateException("dispatch failed");
        };
        Policy throwingAllows = intent -> {
            throw new IllegalStateException("policy failed");
        };
        Policy throwingOnEnqueue = onEnqueue(intent -> {
            throw new IllegalStateException("policy failed");
        });
        return Stream.of(
                unitOfWork("a scope ends normally",
                        executor -> Airlock.scope(new Scope(new AllowAll(), executor), s -> Airlock.enqueue("a", 1))),
                unitOfWork("a scope ends with a runtime exception",
                        executor -> catchThrowable(() -> Airlock.scope(new Scope(new AllowAll(), executor), s -> {
                            Airlock.enqueue("a", 1);
                            throw new IllegalStateException("boom");
                        }))),
                unitOfWork("a scope ends with a checked exception",
                        executor -> assertThatThrownBy(() -> Airlock.scope(new Scope(new AllowAll(), executor), s -> {
                            throw new IOException("io");
                        })).isInstanceOf(IOException.class)),
                unitOfWork("a scope ends with an error",
                        executor -> catchThrowable(() -> Airlock.scope(new Scope(new AllowAll(), executor), s -> {
                            throw new StackOverflowError("simulated");
                        }))),
                unitOfWork("scoped ends with an exception", executor -> {
                    Airlock.configure(AirlockDefaults.builder().executor(executor).build());
                    catchThrowable(() -> Airlock.scoped(new AllowAll(), () -> {
                        throw new IllegalStateException("boom");
                    }));
                }),
                unitOfWork("a scope whose flush fails",
                        executor -> catchThrowable(
                                () -> Airlock.scope(new Scope(new AllowAll(), failing), s -> Airlock.enqueue("a", 1)))),
                unitOfWork("a local policy block inside a scope throws",
                        executor -> catchThrowable(() -> Airlock.scope(new Scope(new AllowAll(), executor),
                                s -> Airlock.policy(new DropAll(), () -> {
                                    throw new IllegalStateException("boom");
                                })))),
                unitOfWork("a policy callback throws during flush",
                        executor -> catchThrowable(
                                () -> Airlock.scope(new Scope(throwingAllows, executor), s -> Airlock.enqueue("a", 1)))),
                unitOfWork("a policy callback throws during enqueue",
                        executor -> catchThrowable(() -> Airlock.scope(new Scope(throwingOnEnqueue, executor),
                                s -> Airlock.enqueue("a", 1)))));
    }

    private static Arguments unitOfWork(String ending, UnitOfWork unitOfWork) {
        return Arguments.of(Named.of(ending, unitOfWork));
    }

    @ParameterizedTest(name = "after {0}")
    @MethodSource("unitsOfWork")
    void nothingSurvivesOnTheThread(UnitOfWork unitOfWork) throws Exception {
        unitOfWork.run(executor);

        assertCleanThread();
    }

    @Test
    void aPooledThreadStartsTheNextUnitOfWorkClean() throws Exception {
        singleThread.submit(() -> catchThrowable(() -> Airlock.scope(new Scope(new AllowAll(), executor),
                s -> Airlock.policy(new DropAll(), () -> {
                    Airlock.enqueue("a", 1);
                    throw new IllegalStateException("boom");
                })))).get(20, TimeUnit.SECONDS);

        singleThread.submit(this::assertCleanThread).get(20, TimeUnit.SECONDS);
    }
}
