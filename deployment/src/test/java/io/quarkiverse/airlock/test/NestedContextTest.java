package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.NoScopeException;
import io.quarkiverse.airlock.runtime.context.Contexts;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A context made from a unit of work's context for work that outlives it (SmallRye's nested context, which copies the
 * parent's local data) starts without a scope: what it enqueues never lands in a scope that may have ended meanwhile.
 * The unit of work's own scope is untouched by it, and its context keeps serving scopes afterwards.
 */
public class NestedContextTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Service.class);

    @Inject
    Service service;

    @Inject
    Vertx vertx;

    @Test
    void aNestedContextDoesNotSeeTheScopeOfItsParent() throws Exception {
        Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<Void> done = new CompletableFuture<>();
        request.runOnContext(ignored -> {
            try {
                service.scopedWithNestedWork();
                // the same context serves a second scope, as a context kept for several steps would
                service.scoped("second");
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        done.get(5, TimeUnit.SECONDS);

        assertThat(handlers.seen).containsExactly("nested: no scope", "nested: NoScopeException",
                "parent after nested: same scope");
        assertThat(handlers.calls).as("what the parent's scopes enqueued, flushed with them")
                .containsExactly("before nested", "after nested", "second");
    }

    @Singleton
    public static class Service {

        @Inject
        Recorder recorder;

        @AirlockScope
        public void scopedWithNestedWork() {
            Object scope = Airlock.currentScope().orElseThrow();
            Airlock.enqueue("record", "before nested");
            Context nested = VertxContext.newNestedContext();
            Contexts.runOn(nested, () -> {
                recorder.seen.add(Airlock.currentScope().isPresent() ? "nested: sees a scope" : "nested: no scope");
                try {
                    Airlock.enqueue("record", "from nested");
                    recorder.seen.add("nested: enqueued");
                } catch (NoScopeException expected) {
                    recorder.seen.add("nested: NoScopeException");
                }
            });
            recorder.seen.add(Airlock.currentScope().orElse(null) == scope ? "parent after nested: same scope"
                    : "parent after nested: another scope");
            Airlock.enqueue("record", "after nested");
        }

        @AirlockScope
        public void scoped(String what) {
            Airlock.enqueue("record", what);
        }
    }
}
