package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With quarkus.airlock.executor=worker, a scope that flushes inside a transaction hands its intents to the worker
 * pool only after the commit (without suspending the finished transaction, since nothing runs in the committing
 * thread); the handler runs outside that transaction and can start its own. A rollback drops them.
 */
public class AfterCommitWorkerDispatchTest {

    @RegisterExtension
    static final QuarkusUnitTest config = TestApps.withExecutor("worker", Handlers.class, Seen.class);

    @Inject
    Handlers handlers;

    @Test
    void handlerRunsOnAWorkerAfterTheCommitAndCanStartItsOwnTransaction() {
        QuarkusTransaction.requiringNew().run(() -> {
            Airlock.scope(scope -> Airlock.enqueue("record", "committed"));
            // handed to the worker pool at flush, the handler would have run by now
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> !handlers.seen.containsKey("committed"));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> handlers.seen.containsKey("committed"));
        Seen seen = handlers.seen.get("committed");
        assertThat(seen.threadName()).as("a Quarkus worker thread").startsWith("executor-thread");
        assertThat(seen.statusOnEntry()).as("no transaction around the handler").isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(seen.ownTransactionCommitted()).as("the handler committed a transaction of its own").isTrue();
    }

    @Test
    void rollbackDropsTheIntents() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Airlock.scope(scope -> Airlock.enqueue("record", "rolled back"));
            throw new IllegalStateException("payment declined");
        })).hasMessageContaining("payment declined");
        // a later, committed intent is dispatched by the same pool: once it has run, the dropped one would have too
        QuarkusTransaction.requiringNew().run(() -> Airlock.scope(scope -> Airlock.enqueue("record", "after")));

        await().atMost(Duration.ofSeconds(10)).until(() -> handlers.seen.containsKey("after"));
        assertThat(handlers.seen).doesNotContainKey("rolled back");
        assertThat(Airlock.openScopes()).isZero();
    }

    public record Seen(String threadName, int statusOnEntry, boolean ownTransactionCommitted) {
    }

    @Singleton
    public static class Handlers {

        final Map<String, Seen> seen = new ConcurrentHashMap<>();

        @Inject
        TransactionManager transactions;

        @AirlockTask
        void record(String label) throws Exception {
            int status = transactions.getStatus();
            boolean committed = QuarkusTransaction.requiringNew().call(() -> QuarkusTransaction.isActive());
            seen.put(label, new Seen(Thread.currentThread().getName(), status, committed));
        }
    }
}
