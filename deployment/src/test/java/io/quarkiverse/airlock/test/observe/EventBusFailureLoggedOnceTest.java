package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Singleton;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.runtime.executor.DispatchFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A handler that fails behind the event bus is logged once, at ERROR, with the task, the intent (as the sender's logs
 * name it) and the origin, although the sender and the consumer are different threads.
 */
public class EventBusFailureLoggedOnceTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class))
            .overrideConfigKey("quarkus.airlock.executor", "event-bus");

    @Test
    void failureIsLoggedOnceWithTaskIntentAndOrigin() throws Exception {
        BlockingQueue<LogRecord> errors = new LinkedBlockingQueue<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.quarkiverse.airlock");
        logger.addHandler(capture);
        try {
            Intent[] intent = new Intent[1];
            Airlock.scope(scope -> intent[0] = Airlock.intent("charge").args(12L).origin("POST /payments").enqueue());

            LogRecord record = errors.poll(10, TimeUnit.SECONDS);
            assertThat(record).as("an ERROR record of io.quarkiverse.airlock").isNotNull();
            assertThat(((ExtLogRecord) record).getFormattedMessage()).contains("'charge'")
                    .contains("intent: " + DispatchFailures.id(intent[0])).contains("origin: POST /payments");
            assertThat(record.getThrown()).hasMessage("card declined");
            assertThat(errors.poll(300, TimeUnit.MILLISECONDS)).as("one failure, one ERROR record").isNull();
        } finally {
            logger.removeHandler(capture);
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
