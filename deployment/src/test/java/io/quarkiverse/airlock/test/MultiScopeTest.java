package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * {@code @AirlockScope} on a method returning {@code Multi}: the scope stays open while items flow (intents enqueued
 * per item, across delays, land in it), completion flushes it before the subscriber sees the completion, a failure
 * discards it and reaches the subscriber unchanged.
 */
public class MultiScopeTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Service.class);

    @Inject
    Service service;

    @Test
    void completionFlushes() {
        List<Integer> items = service.items("m", false, null).collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(items).containsExactly(1, 2, 3);
        assertThat(handlers.seen).as("handlers that had run when each item was enqueued").containsExactly("[]",
                "[]", "[]");
        assertThat(handlers.calls).as("dispatched by the time the completion arrived").containsExactly("m:1", "m:2",
                "m:3");
        assertThat(handlers.scopes).hasSize(3);
        Scope scope = handlers.scopes.get(0);
        assertThat(handlers.scopes).as("one scope for the whole stream").allMatch(s -> s == scope);
        assertThat(scope.isFlushed()).isTrue();
        assertThat(args(scope.intents())).containsExactly("m:1", "m:2", "m:3");
    }

    @Test
    void itemsReachTheSubscriberBeforeTheFlush() {
        List<String> seenBySubscriber = new CopyOnWriteArrayList<>();
        service.items("early", false, null)
                .onItem().invoke(item -> seenBySubscriber.add(item + ":" + handlers.calls))
                .collect().asList().await().atMost(Duration.ofSeconds(5));
        assertThat(seenBySubscriber).containsExactly("1:[]", "2:[]", "3:[]");
        assertThat(handlers.calls).containsExactly("early:1", "early:2", "early:3");
    }

    @Test
    void failureDiscardsAndPropagatesTheSameFailure() {
        IllegalStateException failure = new IllegalStateException("stream failed after 3 items");
        List<Integer> received = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> service.items("f", true, failure)
                .onItem().invoke(received::add)
                .collect().asList().await().atMost(Duration.ofSeconds(5)))
                .isSameAs(failure);

        assertThat(received).containsExactly(1, 2, 3);
        assertThat(handlers.calls).isEmpty();
        Scope scope = handlers.scopes.get(0);
        assertThat(scope.isDiscarded()).isTrue();
        assertThat(args(scope.intents())).containsExactly("f:1", "f:2", "f:3");
    }

    @Test
    void aFailedStreamDoesNotAffectTheNextOne() {
        assertThatThrownBy(() -> service.items("bad", true, new IllegalArgumentException("bad")).collect().asList()
                .await().atMost(Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
        service.items("good", false, null).collect().asList().await().atMost(Duration.ofSeconds(5));
        assertThat(handlers.calls).containsExactly("good:1", "good:2", "good:3");
    }

    @ApplicationScoped
    public static class Service {

        @Inject
        Recorder handlers;

        @AirlockScope
        public Multi<Integer> items(String id, boolean fail, RuntimeException failure) {
            Multi<Integer> items = Multi.createFrom().items(1, 2, 3)
                    // each item waits a little, so the stream outlives the method call and hops threads
                    .onItem().call(item -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(20)))
                    .onItem().invoke(item -> handlers.enqueue(id + ":" + item));
            if (fail) {
                return Multi.createBy().concatenating().streams(items, Multi.createFrom().failure(failure));
            }
            return items;
        }
    }
}
