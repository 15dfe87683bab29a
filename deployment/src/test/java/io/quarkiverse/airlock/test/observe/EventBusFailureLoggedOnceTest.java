package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;

import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.runtime.executor.DispatchFailures;
import io.quarkiverse.airlock.test.ErrorLog;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A handler that fails behind the event bus is logged once, at ERROR, with the task, the intent (as the sender's logs
 * name it) and the origin, although the sender and the consumer are different threads.
 */
public class EventBusFailureLoggedOnceTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class, ErrorLog.class))
            .overrideConfigKey("quarkus.airlock.executor", "event-bus");

    @Test
    void failureIsLoggedOnceWithTaskIntentAndOrigin() throws Exception {
        try (ErrorLog errors = ErrorLog.open()) {
            Intent[] intent = new Intent[1];
            Airlock.scope(scope -> intent[0] = Airlock.intent("charge").args(12L).origin("POST /payments").enqueue());

            LogRecord record = errors.next(10, TimeUnit.SECONDS);
            assertThat(record).as("an ERROR record of io.quarkiverse.airlock").isNotNull();
            assertThat(ErrorLog.message(record)).contains("'charge'")
                    .contains("intent: " + DispatchFailures.id(intent[0])).contains("origin: POST /payments");
            assertThat(record.getThrown()).hasMessage("card declined");
            assertThat(errors.next(300, TimeUnit.MILLISECONDS)).as("one failure, one ERROR record").isNull();
        }
    }

    @Singleton
    public static class Handlers {

        @AirlockTask
        void charge(long cents) {
            throw new IllegalStateException("card declined");
        }
    }
}
