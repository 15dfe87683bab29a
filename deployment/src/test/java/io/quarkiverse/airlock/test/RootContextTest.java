package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * An @AirlockScope method called on a root Vert.x context (shared by every request of its event loop) gets a
 * duplicated context of its own for the scope, and leaves nothing on the root context or its thread.
 */
public class RootContextTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Service.class));

    @Inject
    Service service;

    @Inject
    Vertx vertx;

    @Test
    void scopeNeverLivesOnTheRootContext() throws Exception {
        Context root = vertx.getOrCreateContext();
        assertThat(VertxContext.isDuplicatedContext(root)).isFalse();
        CompletableFuture<String> seen = new CompletableFuture<>();
        root.runOnContext(ignored -> {
            try {
                String inside = service.where();
                Context after = Vertx.currentContext();
                seen.complete(inside + " after=" + (after == root) + " scopeAfter=" + Airlock.currentScope().isPresent());
            } catch (Throwable t) {
                seen.completeExceptionally(t);
            }
        });
        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("duplicated=true scope=true after=true scopeAfter=false");
    }

    @Singleton
    public static class Service {
        @AirlockScope
        public String where() {
            return "duplicated=" + VertxContext.isDuplicatedContext(Vertx.currentContext()) + " scope="
                    + Airlock.currentScope().isPresent();
        }
    }
}
