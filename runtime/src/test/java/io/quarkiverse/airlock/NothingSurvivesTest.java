package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
        Scope fresh = new Scope(new AllowAll(), executor).enter();
        Intent intent = Airlock.enqueue("fresh", 1);
        fresh.exit();
        assertThat(intent.localPolicies()).isEmpty();
        assertThat(fresh.flush()).containsExactly(intent);
    }

    @Test
    void afterAScopeEndsNormally() {
        Airlock.scope(new Scope(new AllowAll(), executor), s -> Airlock.enqueue("a", 1));

        assertCleanThread();
    }

    @Test
    void afterAScopeEndsWithARuntimeException() {
        catchThrowable(() -> Airlock.scope(new Scope(new AllowAll(), executor), s -> {
            Airlock.enqueue("a", 1);
            throw new IllegalStateException("boom");
        }));

        assertCleanThread();
    }

    @Test
    void afterAScopeEndsWithACheckedException() {
        try {
            Airlock.scope(new Scope(new AllowAll(), executor), s -> {
                throw new IOException("io");
            });
        } catch (IOException expected) {
            // expected
        }

        assertCleanThread();
    }

    @Test
    void afterAScopeEndsWithAnError() {
        catchThrowable(() -> Airlock.scope(new Scope(new AllowAll(), executor), s -> {
            throw new StackOverflowError("simulated");
        }));

        assertCleanThread();
    }

    @Test
    void afterScopedEndsWithAnException() {
        Airlock.configure(AirlockDefaults.builder().executor(executor).build());
        catchThrowable(() -> Airlock.scoped(new AllowAll(), () -> {
            throw new IllegalStateException("boom");
        }));

        assertCleanThread();
    }

    @Test
    void afterAScopeWhoseFlushFails() {
        IntentExecutor failing = intent -> {
            throw new IllegalStateException("dispatch failed");
        };
        catchThrowable(() -> Airlock.scope(new Scope(new AllowAll(), failing), s -> Airlock.enqueue("a", 1)));

        assertCleanThread();
    }

    @Test
    void afterALocalPolicyBlockInsideAScopeThrows() {
        catchThrowable(() -> Airlock.scope(new Scope(new AllowAll(), executor),
                s -> Airlock.policy(new DropAll(), () -> {
                    throw new IllegalStateException("boom");
                })));

        assertCleanThread();
    }

    @Test
    void afterAPolicyCallbackThrowsDuringFlush() {
        Policy throwingAllows = intent -> {
            throw new IllegalStateException("policy failed");
        };
        catchThrowable(() -> Airlock.scope(new Scope(throwingAllows, executor), s -> Airlock.enqueue("a", 1)));

        assertCleanThread();
    }

    @Test
    void afterAPolicyCallbackThrowsDuringEnqueue() {
        Policy throwingOnEnqueue = onEnqueue(intent -> {
            throw new IllegalStateException("policy failed");
        });
        catchThrowable(() -> Airlock.scope(new Scope(throwingOnEnqueue, executor), s -> Airlock.enqueue("a", 1)));

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
