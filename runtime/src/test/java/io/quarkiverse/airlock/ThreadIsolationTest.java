package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** API.md fine print: scopes are per thread; concurrent units of work never see each other's intents. */
@Timeout(30)
class ThreadIsolationTest extends AirlockTestSupport {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void shutdown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void interleavedThreadsEachSeeOnlyTheirOwnIntents() throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        RecordingExecutor executorA = new RecordingExecutor();
        RecordingExecutor executorB = new RecordingExecutor();

        Callable<Scope> workA = () -> unitOfWork("A", executorA, barrier);
        Callable<Scope> workB = () -> unitOfWork("B", executorB, barrier);
        Future<Scope> a = pool.submit(workA);
        Future<Scope> b = pool.submit(workB);
        Scope scopeA = a.get(20, TimeUnit.SECONDS);
        Scope scopeB = b.get(20, TimeUnit.SECONDS);

        assertThat(names(scopeA.intents())).containsExactly("A0", "A1", "A2");
        assertThat(names(scopeB.intents())).containsExactly("B0", "B1", "B2");
        assertThat(executorA.names()).containsExactly("A0", "A1", "A2");
        assertThat(executorB.names()).containsExactly("B0", "B1", "B2");
    }

    private static Scope unitOfWork(String label, IntentExecutor executor, CyclicBarrier barrier) {
        Scope scope = enterScope(executor);
        await(barrier); // both scopes are entered at the same time
        for (int i = 0; i < 3; i++) {
            Airlock.enqueue(label + i, i);
            await(barrier); // enqueues alternate between the threads
            List<Intent> seen = scope.intents();
            assertThat(names(seen)).allMatch(name -> name.startsWith(label));
            assertThat(Airlock.currentScope()).containsSame(scope);
            await(barrier);
        }
        scope.exit();
        await(barrier); // one thread exiting does not disturb the other
        assertThat(Airlock.currentScope()).isEmpty();
        scope.flush();
        return scope;
    }

    /** Opens a scope on the calling thread, enqueues one intent, exits and flushes. */
    private static Intent enqueueInOwnScope(IntentExecutor executor, String task, int arg) {
        Scope scope = enterScope(executor);
        Intent intent = Airlock.enqueue(task, arg);
        scope.exit();
        scope.flush();
        return intent;
    }

    @Test
    void aScopeCurrentHereIsNotCurrentOnAPooledThreadAfterwards() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            single.submit(() -> Airlock.scope(new DropAll(), s -> Airlock.enqueue("x"))).get(20, TimeUnit.SECONDS);
            boolean leftover = single.submit(() -> Airlock.currentScope().isPresent()).get(20, TimeUnit.SECONDS);
            assertThat(leftover).isFalse();
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void aScopeCurrentInOneThreadIsNotCurrentInAnother() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        RecordingExecutor executor = new RecordingExecutor();
        Scope[] scopeOfA = new Scope[1];

        Future<Boolean> a = pool.submit(() -> {
            Scope scope = enterScope(executor);
            scopeOfA[0] = scope;
            entered.countDown();
            await(checked);
            boolean stillActiveHere = scope.isActive();
            scope.exit();
            scope.flush();
            return stillActiveHere;
        });
        await(entered);

        Future<Object[]> b = pool.submit(() -> {
            Optional<Scope> current = Airlock.currentScope();
            boolean activeFromB = scopeOfA[0].isActive();
            Throwable enqueueFailure = null;
            try {
                Airlock.enqueue("fromB", 1);
            } catch (Throwable t) {
                enqueueFailure = t;
            }
            return new Object[] { current, activeFromB, enqueueFailure };
        });
        Object[] seenByB = b.get(20, TimeUnit.SECONDS);
        boolean activeFromTestThread = scopeOfA[0].isActive();
        Optional<Scope> currentInTestThread = Airlock.currentScope();
        checked.countDown();

        assertThat(a.get(20, TimeUnit.SECONDS)).as("isActive in the entering thread").isTrue();
        assertThat((Optional<?>) seenByB[0]).as("currentScope in another thread").isEmpty();
        assertThat((Boolean) seenByB[1]).as("isActive from another thread").isFalse();
        assertThat((Throwable) seenByB[2]).isInstanceOf(NoScopeException.class);
        assertThat(activeFromTestThread).isFalse();
        assertThat(currentInTestThread).isEmpty();
        assertThat(scopeOfA[0].intents()).isEmpty();
        assertThat(executor.dispatched()).isEmpty();
    }

    @Test
    void aLocalPolicyBlockInOneThreadDoesNotApplyInAnother() throws Exception {
        CountDownLatch insideBlock = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);
        RecordingExecutor executorB = new RecordingExecutor();

        Future<?> a = pool.submit(() -> {
            Airlock.policy(new DropAll(), () -> {
                insideBlock.countDown();
                await(otherDone);
            });
            return null;
        });
        await(insideBlock);
        Future<Intent> b = pool.submit(() -> enqueueInOwnScope(executorB, "fromB", 1));
        Intent intentOfB = b.get(20, TimeUnit.SECONDS);
        otherDone.countDown();
        a.get(20, TimeUnit.SECONDS);

        assertThat(intentOfB.localPolicies()).isEmpty();
        assertThat(executorB.dispatched()).containsExactly(intentOfB);
    }

    @Test
    void aPolicyCallbackInOneThreadDoesNotBlockEnqueueInAnother() throws Exception {
        CountDownLatch insideAllows = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);
        RecordingExecutor executorA = new RecordingExecutor();
        RecordingExecutor executorB = new RecordingExecutor();
        Policy slowPolicy = intent -> {
            insideAllows.countDown();
            await(otherDone);
            return true;
        };

        Future<List<Intent>> a = pool.submit(() -> {
            Scope scope = new Scope(slowPolicy, executorA).enter();
            Airlock.enqueue("fromA", 1);
            scope.exit();
            return scope.flush();
        });
        await(insideAllows);
        Future<Intent> b = pool.submit(() -> enqueueInOwnScope(executorB, "fromB", 2));
        Intent intentOfB = b.get(20, TimeUnit.SECONDS);
        otherDone.countDown();

        assertThat(names(a.get(20, TimeUnit.SECONDS))).containsExactly("fromA");
        assertThat(executorB.dispatched()).containsExactly(intentOfB);
        assertThat(executorA.names()).containsExactly("fromA");
    }
}
