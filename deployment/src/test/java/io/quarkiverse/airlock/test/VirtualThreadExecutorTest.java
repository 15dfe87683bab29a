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
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.executor=virtual-threads runs each handler on a virtual thread, outside the flushed scope.
 */
public class VirtualThreadExecutorTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class))
            .overrideConfigKey("quarkus.airlock.executor", "virtual-threads");

    @Inject
    Handlers handlers;

    @Test
    void handlerRunsOnAVirtualThreadWithoutAScope() throws Exception {
        Airlock.scope(s -> Airlock.enqueue("where", "x"));
        String seen = handlers.seen.get(5, TimeUnit.SECONDS);
        if (Runtime.version().feature() >= 21) {
            assertThat(seen).startsWith("virtual=true");
        } else {
            System.err.println("#### virtual threads need JDK 21: checked the fallback thread only ####");
            assertThat(seen).doesNotContain(Thread.currentThread().getName());
        }
        assertThat(seen).endsWith("scope=false");
    }

    @Singleton
    public static class Handlers {

        final CompletableFuture<String> seen = new CompletableFuture<>();

        @AirlockTask
        void where(String ignored) {
            // Thread.isVirtual() is JDK 21 API; this module compiles for 17
            boolean virtual = Thread.currentThread().toString().startsWith("VirtualThread");
            seen.complete("virtual=" + virtual + " thread=" + Thread.currentThread().getName() + " scope="
                    + Airlock.currentScope().isPresent());
        }
    }
}
