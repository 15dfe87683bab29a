package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;

class ThreadIsolationTest {

    @Test
    void interleavedThreadsNeverSeeEachOthersIntents() throws Exception {
        CyclicBarrier step = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<List<String>> left = CompletableFuture.supplyAsync(() -> unit("left", step), pool);
            CompletableFuture<List<String>> right = CompletableFuture.supplyAsync(() -> unit("right", step), pool);
            assertThat(left.get(10, TimeUnit.SECONDS)).containsExactly("left-0", "left-1", "left-2");
            assertThat(right.get(10, TimeUnit.SECONDS)).containsExactly("right-0", "right-1", "right-2");
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> unit(String name, CyclicBarrier step) {
        try {
            Scope scope = new Scope(new DropAll()).enter();
            for (int i = 0; i < 3; i++) {
                step.await(5, TimeUnit.SECONDS); // both threads are inside their scopes here
                Airlock.enqueue(name + "-" + i);
                assertThat(Airlock.currentScope()).containsSame(scope);
            }
            step.await(5, TimeUnit.SECONDS);
            scope.exit();
            scope.flush();
            return scope.intents().stream().map(Intent::name).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScopeCurrentHereIsNotCurrentOnAPooledThreadAfterwards() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> Airlock.scope(new DropAll(), s -> Airlock.enqueue("x"))).get();
            boolean leftover = pool.submit(() -> Airlock.currentScope().isPresent()).get();
            assertThat(leftover).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }
}
