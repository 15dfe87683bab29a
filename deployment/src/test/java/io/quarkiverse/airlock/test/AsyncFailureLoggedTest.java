package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.runtime.executor.DispatchFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With an asynchronous executor nobody is left to catch a handler's exception: the flush does not throw, the other
 * intents still run, and the failure is logged once, at ERROR, with the task name, the intent's id and the origin.
 */
public class AsyncFailureLoggedTest {

    static final String TASK = "mail.send";
    static final String ORIGIN = "POST /orders/9";
    static final String FAILURE = "smtp down for ada@example.org";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class, ErrorLog.class))
            .overrideConfigKey("quarkus.airlock.executor", "worker")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .setLogRecordPredicate(record -> record.getLoggerName() != null
                    && record.getLoggerName().startsWith("io.quarkiverse.airlock"))
            .assertLogRecords(records -> assertThat(records)
                    .as("an ERROR record of io.quarkiverse.airlock naming task and origin")
                    .anySatisfy(record -> {
                        assertThat(record.getLevel().intValue()).isGreaterThanOrEqualTo(Level.SEVERE.intValue());
                        assertThat(ErrorLog.message(record)).contains("'" + TASK + "'").contains(ORIGIN);
                        assertThat(record.getThrown()).hasMessage(FAILURE);
                    }));

    @Inject
    Handlers handlers;

    @Test
    void failureIsLoggedAndTheFlushDoesNotThrow() throws Exception {
        try (ErrorLog records = ErrorLog.open()) {
            AtomicReference<Scope> scope = new AtomicReference<>();
            AtomicReference<Intent> failing = new AtomicReference<>();
            assertThatCode(() -> scope.set(Airlock.scope(s -> {
                failing.set(Airlock.intent(TASK).args("ada@example.org").origin(ORIGIN).enqueue());
                Airlock.enqueue("audit", "after the failing one");
            }))).doesNotThrowAnyException();
            assertThat(scope.get().isFlushed()).isTrue();

            assertThat(handlers.audited.get(5, TimeUnit.SECONDS))
                    .as("a failing intent does not stop the others").isEqualTo("after the failing one");

            LogRecord record = records.next(5, TimeUnit.SECONDS);
            assertThat(record).as("an ERROR record of io.quarkiverse.airlock").isNotNull();
            assertThat(record.getLevel().getName()).isEqualTo("ERROR");
            assertThat(ErrorLog.message(record)).contains("'" + TASK + "'").contains(ORIGIN)
                    .as("names the intent's id").contains("intent: " + DispatchFailures.id(failing.get()));
            assertThat(record.getThrown()).isInstanceOf(IllegalStateException.class).hasMessage(FAILURE);
            assertThat(records.next(200, TimeUnit.MILLISECONDS)).as("one failure, one ERROR record").isNull();
        }
    }

    @Singleton
    public static class Handlers {

        final CompletableFuture<String> audited = new CompletableFuture<>();

        @AirlockTask(TASK)
        void send(String to) {
            throw new IllegalStateException("smtp down for " + to);
        }

        @AirlockTask
        void audit(String what) {
            audited.complete(what);
        }
    }
}
