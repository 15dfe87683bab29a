package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @AirlockScope} on a method returning {@code CompletionStage}: the scope stays open after the method returns,
 * until the stage completes; normal completion flushes it before the caller's stage completes, a failure discards it
 * and reaches the caller unchanged.
 */
public class CompletionStageScopeTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Service.class);

    @Inject
    Service service;

    @Test
    void scopeStaysOpenUntilTheStageCompletesThenFlushes() throws Exception {
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletionStage<String> result = service.stage("a", gate);

        Scope scope = handlers.onlyScope();
        assertThat(handlers.calls).as("nothing escapes before the stage completes").isEmpty();
        assertThat(scope.isFlushed() || scope.isDiscarded()).as("still open").isFalse();
        assertThat(Airlock.openScopes()).isEqualTo(1);
        assertThat(Airlock.currentScope()).as("the open scope is not the test thread's").isEmpty();

        gate.complete("a");

        assertThat(result.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("a!");
        assertThat(handlers.calls).containsExactly("a");
        assertThat(scope.isFlushed()).isTrue();
    }

    @Test
    void completionOnAnotherThreadFlushesBeforeTheCallerSeesTheValue() throws Exception {
        CompletableFuture<String> gate = CompletableFuture.supplyAsync(() -> "b",
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        CompletableFuture<String> seen = service.stage("b", gate).toCompletableFuture()
                .thenApply(value -> value + " " + handlers.calls);

        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("b! [b]");
        assertThat(handlers.onlyScope().isFlushed()).isTrue();
    }

    @Test
    void failureDiscardsAndPropagatesTheSameFailure() {
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletionStage<String> result = service.stage("c", gate);
        IllegalStateException failure = new IllegalStateException("remote call failed");

        gate.completeExceptionally(failure);

        assertThatThrownBy(() -> result.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isSameAs(failure);
        assertThat(handlers.calls).isEmpty();
        Scope scope = handlers.onlyScope();
        assertThat(scope.isDiscarded()).isTrue();
        assertThat(scope.intents()).hasSize(1);
    }

    @Test
    void failureOnAnotherThreadDiscards() {
        IllegalArgumentException failure = new IllegalArgumentException("async failure");
        CompletableFuture<String> gate = CompletableFuture.supplyAsync(() -> {
            throw failure;
        }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));

        assertThatThrownBy(() -> service.stage("d", gate).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .rootCause().isSameAs(failure);
        assertThat(handlers.calls).isEmpty();
        assertThat(handlers.onlyScope().isDiscarded()).isTrue();
    }

    @Test
    void aFailedStageDoesNotAffectTheNextOne() throws Exception {
        CompletableFuture<String> failed = new CompletableFuture<>();
        CompletionStage<String> first = service.stage("bad", failed);
        failed.completeExceptionally(new IllegalStateException("bad"));
        assertThatThrownBy(() -> first.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);

        service.stage("good", CompletableFuture.completedFuture("good")).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(handlers.calls).containsExactly("good");
    }

    @ApplicationScoped
    public static class Service {

        @Inject
        Recorder handlers;

        @AirlockScope
        public CompletionStage<String> stage(String id, CompletableFuture<String> gate) {
            handlers.enqueue(id);
            return gate.thenApply(value -> value + "!");
        }
    }
}
