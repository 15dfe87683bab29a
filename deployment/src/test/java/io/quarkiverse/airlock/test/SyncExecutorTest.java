package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The default executor runs task handlers at flush, in the flushing thread, through generated invokers.
 */
public class SyncExecutorTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Handlers.class, Orders.class);

    @Inject
    Orders orders;

    @Test
    void handlerRunsAtFlushInTheFlushingThread() {
        orders.process(42L, "hello");
        assertThat(handlers.calls).containsExactly("notify(42) on " + Thread.currentThread().getName(),
                "email(hello)");
    }

    @Test
    void nothingRunsBeforeTheScopeEnds() {
        orders.processAndPeek(7L);
        assertThat(handlers.seen).isEmpty();
        assertThat(handlers.calls).containsExactly("notify(7) on " + Thread.currentThread().getName());
    }

    @Test
    void exceptionDiscardsAndPropagatesUnchanged() {
        IllegalStateException failure = new IllegalStateException("payment declined");
        assertThatThrownBy(() -> orders.fail(1L, failure)).isSameAs(failure);
        assertThat(handlers.calls).isEmpty();
    }

    @ApplicationScoped
    public static class Orders {

        @Inject
        Recorder recorder;

        @AirlockScope
        public void process(long id, String text) {
            Airlock.enqueue("notifyWarehouse", id);
            Airlock.enqueue("email", text);
        }

        @AirlockScope
        public void processAndPeek(long id) {
            Airlock.enqueue("notifyWarehouse", id);
            recorder.seen.addAll(recorder.calls);
        }

        @AirlockScope
        public void fail(long id, RuntimeException failure) {
            Airlock.enqueue("notifyWarehouse", id);
            throw failure;
        }
    }

    public static class Handlers {

        @Inject
        Recorder recorder;

        @AirlockTask
        void notifyWarehouse(long orderId) {
            recorder.calls.add("notify(" + orderId + ") on " + Thread.currentThread().getName());
        }

        @AirlockTask("email")
        void sendConfirmationEmail(String text) {
            recorder.calls.add("email(" + text + ")");
        }
    }
}
