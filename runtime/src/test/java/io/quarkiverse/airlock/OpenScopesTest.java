package io.quarkiverse.airlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.ScopeHolder;
import io.quarkiverse.airlock.spi.ScopeState;

/**
 * {@code Airlock.openScopes()} is exact however scopes move: entered on one thread and exited on another (as a request
 * hops from the event loop to a worker), on a thread that has ended since, on virtual threads.
 */
class OpenScopesTest extends AirlockTestSupport {

    /** One state for every thread: a scope entered anywhere can exit anywhere, like a Vert.x context's. */
    static final class SharedState implements ScopeHolder {
        private final ScopeState state = new ScopeState();

        @Override
        public ScopeState current() {
            return state;
        }

        @Override
        public ScopeState currentOrCreate() {
            return state;
        }

        @Override
        public void released(ScopeState released) {
        }
    }

    private final RecordingExecutor executor = new RecordingExecutor();

    @AfterEach
    void threadLocalScopesAgain() {
        AirlockHooks.installScopes(null);
    }

    @Test
    void aScopeEnteredOnOneThreadAndExitedOnAnotherIsCountedWhileOpenOnly() throws Exception {
        AirlockHooks.installScopes(new SharedState());
        long before = Airlock.openScopes();

        Scope scope = onANewThread(() -> enterScope(executor));
        assertThat(Airlock.openScopes()).as("open, and the thread that entered it has ended").isEqualTo(before + 1);

        onANewThread(() -> {
            scope.exit();
            return null;
        });
        assertThat(Airlock.openScopes()).isEqualTo(before);
    }

    @Test
    void manyThreadsOpeningAndClosingLeaveTheCountWhereItWas() throws Exception {
        long before = Airlock.openScopes();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] runs = new Future<?>[8];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = pool.submit(() -> {
                    for (int j = 0; j < 10_000; j++) {
                        Airlock.scope(new Scope(new AllowAll(), executor), scope -> {
                        });
                    }
                });
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(Airlock.openScopes()).isEqualTo(before);
    }

    @Test
    void scopesOnVirtualThreadsAreCountedToo() throws Exception {
        if (Runtime.version().feature() < 21) {
            System.err.println("#### virtual threads need JDK 21: not checked here ####");
            return;
        }
        AirlockHooks.installScopes(new SharedState());
        long before = Airlock.openScopes();
        // Executors.newVirtualThreadPerTaskExecutor() is Java 21 API; this module compiles for 17
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        try {
            Scope scope = virtual.submit(() -> enterScope(executor)).get(10, TimeUnit.SECONDS);
            assertThat(Airlock.openScopes()).isEqualTo(before + 1);

            scope.exit();
            assertThat(Airlock.openScopes()).as("entered on a virtual thread, exited on a platform one")
                    .isEqualTo(before);
        } finally {
            virtual.shutdown();
        }
    }

    private static <T> T onANewThread(Callable<T> body) throws Exception {
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        Thread thread = new Thread(() -> {
            try {
                result[0] = body.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        thread.start();
        thread.join(10_000);
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
