package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * @AirlockScope on Uni, Multi and CompletionStage methods keeps the scope open until the result completes: completion
 * flushes, failure and cancellation discard, and no scope stays open.
 */
public class AsyncScopeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class, Service.class));

    @Inject
    Handlers handlers;

    @Inject
    Service service;

    @BeforeEach
    void clear() {
        handlers.calls.clear();
    }

    @Test
    void uniFlushesWhenTheItemArrivesAfterDelays() {
        String item = service.uni("u1", false).await().atMost(Duration.ofSeconds(5));
        assertThat(item).isEqualTo("u1");
        assertThat(handlers.calls).containsExactly("u1:0", "u1:1");
        assertThat(Airlock.openScopes()).isZero();
    }

    @Test
    void failedUniDiscardsAndPropagatesTheFailure() {
        assertThatThrownBy(() -> service.uni("u2", true).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class).hasMessage("u2 failed");
        assertThat(handlers.calls).isEmpty();
        assertThat(Airlock.openScopes()).isZero();
    }

    @Test
    void cancelledUniDiscards() throws Exception {
        CompletableFuture<Void> enqueued = new CompletableFuture<>();
        Cancellable subscription = service.never("u3", enqueued).subscribe().with(item -> {
        });
        enqueued.get(5, TimeUnit.SECONDS);
        subscription.cancel();
        assertThat(handlers.calls).isEmpty();
        assertThat(Airlock.openScopes()).isZero();
    }

    @Test
    void multiFlushesOnCompletion() {
        List<Integer> items = service.multi("m1", false).collect().asList().await().atMost(Duration.ofSeconds(5));
        assertThat(items).containsExactly(1, 2, 3);
        assertThat(handlers.calls).containsExactly("m1:1", "m1:2", "m1:3");
    }

    @Test
    void failedMultiDiscards() {
        assertThatThrownBy(() -> service.multi("m2", true).collect().asList().await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(handlers.calls).isEmpty();
    }

    @Test
    void completionStageFlushesOnCompletionAndDiscardsOnFailure() throws Exception {
        assertThat(service.stage("c1", false).toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("c1");
        assertThat(handlers.calls).containsExactly("c1:0");
        assertThatThrownBy(() -> service.stage("c2", true).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasRootCauseMessage("c2 failed");
        assertThat(handlers.calls).containsExactly("c1:0");
        assertThat(Airlock.openScopes()).isZero();
    }

    @Singleton
    public static class Handlers {

        final List<String> calls = new CopyOnWriteArrayList<>();

        @AirlockTask
        void record(String id, int step) {
            calls.add(id + ":" + step);
        }
    }

    @Singleton
    public static class Service {

        @AirlockScope
        public Uni<String> uni(String id, boolean fail) {
            return Uni.createFrom().item(id)
                    .invoke(() -> Airlock.enqueue("record", id, 0))
                    .onItem().delayIt().by(Duration.ofMillis(20))
                    .invoke(() -> Airlock.enqueue("record", id, 1))
                    .invoke(() -> {
                        if (fail) {
                            throw new IllegalStateException(id + " failed");
                        }
                    });
        }

        @AirlockScope
        public Uni<String> never(String id, CompletableFuture<Void> enqueued) {
            return Uni.createFrom().item(id)
                    .invoke(() -> Airlock.enqueue("record", id, 0))
                    .invoke(() -> enqueued.complete(null))
                    .onItem().transformToUni(ignored -> Uni.createFrom().nothing());
        }

        @AirlockScope
        public Multi<Integer> multi(String id, boolean fail) {
            return Multi.createFrom().items(1, 2, 3)
                    .invoke(step -> Airlock.enqueue("record", id, step))
                    .onCompletion().invoke(() -> {
                        if (fail) {
                            throw new IllegalStateException(id + " failed");
                        }
                    });
        }

        @AirlockScope
        public CompletionStage<String> stage(String id, boolean fail) {
            Airlock.enqueue("record", id, 0);
            return CompletableFuture.supplyAsync(() -> id).thenApply(value -> {
                if (fail) {
                    throw new IllegalStateException(id + " failed");
                }
                return value;
            }).thenApply(value -> value);
        }
    }
}
