package io.quarkiverse.airlock.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.vertx.VertxContext;

/**
 * What tasks-and-executors.adoc says about {@code quarkus.airlock.executor=worker}.
 */
@QuarkusTest
@TestProfile(WorkerExecutorTest.WorkerExecutor.class)
class WorkerExecutorTest extends AuditedTest {

    public static class WorkerExecutor extends ConfigOverride {
        public WorkerExecutor() {
            super("quarkus.airlock.executor", "worker");
        }
    }

    @Test
    void handlerRunsOnAWorkerThreadWithAFreshContext() {
        Airlock.scope(scope -> Airlock.enqueue("audit.record", "exported", 7L));

        await().atMost(Duration.ofSeconds(10)).until(() -> !audit.calls.isEmpty());
        AuditTasks.Call call = audit.calls.get(0);
        assertThat(call.thread()).isNotSameAs(Thread.currentThread());
        assertThat(VertxContext.isDuplicatedContext(call.context())).isTrue();
    }

    @Test
    void delayIsHonoured() {
        long flushedAt = System.nanoTime();
        Airlock.scope(scope -> Airlock.intent("audit.record").args("later", 1L).option("delay", Duration.ofMillis(300))
                .enqueue());
        assertThat(audit.calls).isEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> !audit.calls.isEmpty());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - flushedAt)).isGreaterThanOrEqualTo(250);
    }

    @Test
    void failureIsLoggedWithTaskAndOrigin() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.quarkiverse.airlock");
        logger.addHandler(handler);
        try {
            Airlock.scope(scope -> Airlock.intent("audit.fail").args("mail server down").origin("POST /orders/9").enqueue());

            await().atMost(Duration.ofSeconds(10)).until(() -> !records.isEmpty());
            String message = records.get(0).getMessage();
            assertThat(message).contains("worker").contains("'audit.fail'").contains("POST /orders/9");
        } finally {
            logger.removeHandler(handler);
        }
    }
}
